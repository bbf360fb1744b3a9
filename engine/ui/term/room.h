/* room.h: the terminal's room mode, the room() of ui_term (ui/ui.h). */
#ifndef LADDER_UI_TERM_ROOM_H
#define LADDER_UI_TERM_ROOM_H

#include "ui/ui.h"

/* Run room r in the terminal: cfg->in gives the facilitator's lines, cfg->out shows the room
 * (wrapped at cfg->width columns), cfg->room.timer (seconds) and cfg->room.hide_numbers as in
 * UiConfig; r and cfg are borrowed for the call. Returns when the facilitator types "end",
 * input ends or a signal asks to leave; the caller writes the final debrief.
 * UI_EXIT_SCRIPT_FAILED when a scenario script failed on the way, else UI_EXIT_OK. */
UiExit term_room(Room *r, const UiConfig *cfg);

#endif
