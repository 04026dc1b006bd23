//! Calibration metrics (stub)
