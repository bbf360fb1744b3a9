/* lua_host.c: the Lua host's HostOps table: core/host.h's contract, implemented by loader.c
 * (load) and script.c (the budgeted callbacks). */
#include "lua/lua_host.h"

#include "lua/internal.h"

static Story *load_story(const char *path, unsigned variant, Err *err);

static const HostOps LUA_HOST = {
    .name = "lua",
    .load = load_story,
    .free = script_free,
    .step = script_step,
    .call_bool = script_call_bool,
    .call_string = script_call_string,
    .call_effects = script_call_effects,
    .call_set = script_call_set,
    .take_warning = script_take_warning,
};

static Story *load_story(const char *path, unsigned variant, Err *err)
{
    return loader_load(path, variant, &LUA_HOST, err);
}

const HostOps *lua_host(void)
{
    return &LUA_HOST;
}
