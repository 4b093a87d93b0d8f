//! Official sanctions lists, parsed into one model and packed into a snapshot.
//!
//! Data flows one way: the publishers' files ([`ofac`], [`un`]) are parsed
//! into [`Entity`] values; [`sources`] checks each file against the folder's
//! `sources.json` and assembles a [`Snapshot`]; [`snapshot`] encodes it into
//! the bytes that `sanctions-screen` embeds at build time.
//!
//! The parsers (feature `parse`) are only needed at build time: the runtime
//! needs the model and [`snapshot::read`] alone.
//!
//! Reach for:
//! - [`sources::build_snapshot`] to turn a lists folder into a snapshot
//!   (what the build script does);
//! - [`ofac::parse_ofac_set`] / [`un::parse_un_xml`] to parse one list, and
//!   [`notices::parse_notices`] for the DPRK IT-worker notices compiled for
//!   this project (not an official list: each entry carries its [`Notice`]);
//! - [`update::replace_lists`] to put newer files a user gave (by name and
//!   bytes, no `sources.json`) in place of lists already in a snapshot;
//! - [`snapshot::read`] to screen from embedded bytes, the entries left where
//!   they lie, or [`snapshot::decode`] for every entry whole.
//!
//! Limits, stated plainly: OFAC's legacy CSV format is the one parsed (not the
//! newer XML); the UN list is read from its XML only. Details are extracted
//! from OFAC's remarks by the patterns OFAC uses, and a part taken into a field
//! is not kept in the remarks too; a detail written in some other way stays in
//! the remarks text only.

pub mod calendar;
mod error;
mod model;
pub mod snapshot;

#[cfg(feature = "parse")]
pub mod dates;
#[cfg(feature = "parse")]
pub mod notices;
#[cfg(feature = "parse")]
pub mod ofac;
#[cfg(feature = "parse")]
pub mod sources;
#[cfg(feature = "parse")]
pub mod un;
#[cfg(feature = "parse")]
pub mod update;

pub use error::ListError;
pub use model::*;
