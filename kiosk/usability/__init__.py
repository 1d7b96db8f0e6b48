"""Usability studies (no Qt): the study file, the session's plan and its event record, the
measures and the report. The facilitator window and the recorder that feeds the record are in
``kiosk/ui/study``."""
