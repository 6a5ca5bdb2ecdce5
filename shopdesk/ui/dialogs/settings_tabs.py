"""The Settings dialog's tabs, in order: what menus open it on, without loading the
dialog (and its nine pages) at start-up."""

(STAFF_TAB, LANGUAGE_TAB, SHIFTS_TAB, PROFILE_TAB, DEADLINES_TAB, REMINDERS_TAB,
 FOLLOWUPS_TAB, LIMITS_TAB, TEAM_TAB) = range(9)
