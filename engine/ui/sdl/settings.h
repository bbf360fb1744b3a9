/* settings.h: the window's settings, remembered in $XDG_CONFIG_HOME/ladder/settings.json. */
#ifndef LADDER_SETTINGS_H
#define LADDER_SETTINGS_H

#include <stdbool.h>

#include "core/util.h"

#define TEXT_SIZE_MIN 14
#define TEXT_SIZE_MAX 40

typedef struct Settings {
    int text_size;     /* body text in points */
    int theme;         /* index into THEMES */
    bool fullscreen;
    bool show_numbers; /* false: bars only, Reigns-style */
    int x, y, w, h;    /* window geometry; x, y valid when has_pos */
    bool has_pos;
} Settings;

/* Fill s with the defaults: 20-point text, the first theme, windowed 1100 x 760 points, numbers
 * shown, no position. */
void settings_default(Settings *s);
/* Load the settings file over the defaults. A missing file is fine; a broken one is ignored
 * and a message saying so is returned (malloc'd), else NULL. */
char *settings_load(Settings *s);
/* Write s to the settings file atomically (creating the folder). Returns 0, or -1 with err
 * (no config folder, a write that failed). */
int settings_save(const Settings *s, Err *err);

#endif
