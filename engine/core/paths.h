/* paths.h: where Ladder keeps things: bundled scenarios, saves, settings. */
#ifndef LADDER_PATHS_H
#define LADDER_PATHS_H

#include "core/util.h"

/* The folder of bundled stories: $LADDER_SCENARIOS, else next to an installed binary
 * (../share/ladder/scenarios), else the source tree the binary was built from, else the install
 * prefix. malloc'd; never NULL. */
char *paths_scenarios_dir(void);

/* $XDG_DATA_HOME/ladder (default ~/.local/share/ladder). malloc'd, or NULL with err filled when
 * neither XDG_DATA_HOME nor HOME is set. */
char *paths_data_dir(Err *err);

/* $XDG_CONFIG_HOME/ladder (default ~/.config/ladder). malloc'd, or NULL with err filled when
 * neither XDG_CONFIG_HOME nor HOME is set. */
char *paths_config_dir(Err *err);

/* The folder of one story's saves: <data>/saves/<story-id>. malloc'd, or NULL with err filled
 * (no data folder, as paths_data_dir). */
char *paths_save_dir(const char *story_id, Err *err);

/* 1 if name is a usable save name: 1-64 of [A-Za-z0-9_-], else 0 (a bool in an int). */
int paths_valid_save_name(const char *name);

#endif
