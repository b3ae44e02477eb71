//! The Structure diagram: its geometry ([`layout`]) and the same diagram as a self-contained
//! SVG file ([`svg`]); one chain as a picture of its own ([`chain_svg`]).

pub mod chain_svg;
pub mod face;
pub mod layout;
pub mod svg;
