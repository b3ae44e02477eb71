//! The Structure diagram: its geometry ([`layout`]) and the same diagram as a self-contained
//! SVG file ([`svg`]).

pub mod layout;
pub mod svg;
