//! Microsoft Graph `/identity/apiConnectors` operations.
//! SKELETON: the Graph helper implements them.
