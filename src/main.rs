//! The wasm entry point; everything lives in the library crate.

fn main() {
    #[cfg(target_arch = "wasm32")]
    kpi_structure::ui::mount();
}
