/* workarounds.h: the check of compiled chunks against a Lua 5.4.4 bug, for the code that loads
 * a story's files (see workarounds.c; workarounds_install is declared in host.h). */
#ifndef LADDER_WORKAROUNDS_H
#define LADDER_WORKAROUNDS_H

#include <lua.h>

/* A lua_CFunction: checks the Lua function at index 1 (a chunk just compiled, with all the
 * functions inside it) and raises "FILE:LINE: more than N table accesses in a row ..." when
 * one expression chains so many table accesses that Lua 5.4.4 could crash reporting an error
 * in it (fixed upstream in 7923dbbf). Run it under lua_pcall: it allocates. Returns nothing. */
int workarounds_check_chunk(lua_State *L);

#endif
