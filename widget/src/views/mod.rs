//! The panel's views, one module each. Every view reads the state it needs
//! from the reactive context (see [`crate::state`]).
//!
//! - [`panel`]: the dialog, its header (Back, title, Close), the view on show;
//! - [`home`]: the search box, its status, results or suggestions, the way
//!   to contact support;
//! - [`results`]: the results list with marked matches;
//! - [`suggestions`]: articles for the page the reader is on;
//! - [`recent`]: the reader's recent searches and recently read articles;
//! - [`browse`]: the categories on the home view, a category's view, an
//!   article's category link;
//! - [`related`]: an article's related articles;
//! - [`article`]: an article read inline, with its video link;
//! - [`image_viewer`]: article images opened full size;
//! - [`feedback`]: "Was this article helpful?" and the counts;
//! - [`contact`]: support hours, contacts by region, the request helper.

pub mod article;
pub mod browse;
pub mod contact;
pub mod feedback;
pub mod home;
pub mod image_viewer;
pub mod panel;
pub mod recent;
pub mod related;
pub mod results;
pub mod suggestions;

pub use panel::Panel;
