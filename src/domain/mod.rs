//! Pure types and rules of complaint handling: complaints, their thread, the agency
//! directory, the officer's operations, the working-day calendar and the SLA clocks.
//!
//! Nothing here does I/O, SQL or terminal work; every function is deterministic given
//! its inputs (the clock is always passed in), so the whole module is unit-tested.

pub mod agency;
pub mod calendar;
pub mod complaint;
pub mod desk;
pub mod ids;
pub mod message;
pub mod monev;
pub mod operation;
pub mod routing;
pub mod sla;
pub mod template;
pub mod words;

pub use agency::{Agency, AgencyLevel};
pub use calendar::WorkCalendar;
pub use complaint::{Attachment, Classification, Complaint, Reporter, Status, needs_action};
pub use desk::DeskContext;
pub use ids::{AgencyCode, BatchId, ComplaintId, MessageId, OpId};
pub use message::{Author, Message};
pub use operation::{OpKind, OpState, Operation, Stage, TransferReason};
pub use sla::{ClockState, ClockView, Clocks, Met, SlaFacts, SlaRules};
