//! Helpers shared by the wasm test files.

/// Empties the page's localStorage.
pub fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}
