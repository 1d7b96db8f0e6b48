"""A usability study at the kiosk: the controller, the facilitator window, the questionnaires (and the recorder)."""
