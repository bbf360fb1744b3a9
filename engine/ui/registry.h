/* registry.h: the one list of front ends: find one by name and capability, pick the default,
 * list their names for help texts and messages.
 *
 * Adding a front end: implement the Frontend contract of ui/ui.h in ui/NAME/ (define `const
 * Frontend ui_NAME` with its name, summary, caps and functions), declare it in ui.h, add one row
 * to the list in registry.c, and its files to CMakeLists.txt. --ui, the help texts and the
 * messages then know it. */
#ifndef LADDER_UI_REGISTRY_H
#define LADDER_UI_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/ui.h"

/* The front ends, in the order help texts list them: ui_at(0) to ui_at(ui_count() - 1).
 * Static; valid for the program's life. */
size_t ui_count(void);
const Frontend *ui_at(size_t i);

/* The front end called name that has every capability in caps (0: any), or NULL. */
const Frontend *ui_find(const char *name, unsigned caps);

/* The first front end (in list order) with every capability in caps, or NULL. */
const Frontend *ui_first(unsigned caps);

/* The front end to use when none was asked for, among those with caps: the first window front
 * end that is available when stdin is a terminal, else the terminal. *why is filled with the
 * reason when a window was wanted (stdin is a terminal) but none could open; why->msg is ""
 * otherwise. Never NULL. */
const Frontend *ui_default(unsigned caps, Err *why);

/* True if fe can run here (fe->available, or always); false with the reason in err. */
bool ui_available(const Frontend *fe, Err *err);

/* Append the names of the front ends with caps to out: "sdl, term or json". */
void ui_names(Buf *out, unsigned caps);

/* The game's signals end it as quit does (ui/leave.h): through SDL's quit event for a window,
 * else by closing cfg->in. Call once, after ui_available and before play or room. */
void ui_install_leave(const Frontend *fe, const UiConfig *cfg);

/* The process exit status for how a game ended: 0, or 1 when a scenario script failed
 * (UI_BACK_TO_TITLE counts as 0). */
int ui_exit_status(UiExit e);

#endif
