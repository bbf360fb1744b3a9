/* lua_host.h: the Lua 5.4 scripting host, the one programs install (host_install(lua_host())).
 * Scenario scripts are untrusted: they run sandboxed, with a memory cap and instruction budgets
 * that pcall cannot escape (scenarios/README.md, "The sandbox"). */
#ifndef LADDER_LUA_HOST_H
#define LADDER_LUA_HOST_H

#include "core/host.h"

/* The host's operations (core/host.h). A static table: never freed, valid for the program's
 * life. */
const HostOps *lua_host(void);

#endif
