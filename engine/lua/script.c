/* script.c: the sandboxed Lua state: capped allocator, instruction budget, safe pcall, and the
 * callbacks the rules make into scenario code. */
#include "lua/host.h"

#include <lualib.h>
#include <stdlib.h>
#include <string.h>

ScriptLimits script_default_limits(void)
{
    ScriptLimits l = {64u << 20, 50000000L, 5000000L};
    return l;
}

Script *script_of(lua_State *L)
{
    return *(Script **)lua_getextraspace(L);
}

/* Allocator with a cap: refusing an allocation makes Lua raise a memory error. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Script *sc = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        sc->used -= osize;
        return NULL;
    }
    if (nsize > osize && sc->used + (nsize - osize) > sc->limits.memory)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p)
        sc->used = sc->used - osize + nsize;
    return p;
}

/* Count hook: once the budget is spent, every later tick raises again, so a script that
 * catches the error only runs until its next HOOK_STEP instructions. */
static void budget_hook(lua_State *L, lua_Debug *ar)
{
    Script *sc = script_of(L);
    bool located = lua_getinfo(L, "Sl", ar) && ar->currentline > 0;
    if (located) {
        snprintf(sc->last_src, sizeof sc->last_src, "%s", ar->short_src);
        sc->last_line = ar->currentline;
    }
    if (!sc->exhausted && --sc->ticks >= 0)
        return;
    sc->exhausted = true;
    if (located)
        lua_pushfstring(L, "%s:%d: instruction budget exceeded (an endless loop?)", ar->short_src,
                        ar->currentline);
    else
        lua_pushliteral(L, "instruction budget exceeded (an endless loop?)");
    lua_error(L);
}

static bool is_memory_error(lua_State *L, int idx)
{
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
    return s && strcmp(s, "not enough memory") == 0;
}

/* The sandbox's pcall: like the standard one, except that a spent budget or a memory error
 * passes through instead of being caught. */
static int safe_pcall(lua_State *L)
{
    Script *sc = script_of(L);
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
    if (sc->exhausted || status == LUA_ERRMEM || (status != LUA_OK && is_memory_error(L, -1)))
        return lua_error(L);
    if (status != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L);
}

static int safe_xpcall(lua_State *L)
{
    Script *sc = script_of(L);
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    if (sc->exhausted || status == LUA_ERRMEM || (status != LUA_OK && is_memory_error(L, -1)))
        return lua_error(L);
    if (status != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - 2;
}

/* coroutine.resume also catches errors; pass a spent budget or memory error through. */
static int safe_resume(lua_State *L)
{
    Script *sc = script_of(L);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    if (sc->exhausted || (!lua_toboolean(L, 1) && is_memory_error(L, 2))) {
        lua_settop(L, 2);
        return lua_error(L);
    }
    return lua_gettop(L);
}

/* load() of text chunks only; the environment defaults to the sandbox's globals. */
static int safe_load(lua_State *L)
{
    int n = lua_gettop(L);
    if (n < 3)
        lua_settop(L, 3);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n < 3 ? 3 : n, LUA_MULTRET);
    return lua_gettop(L);
}

/* setmetatable without __gc: finalizers would run scenario code at unpredictable times. */
static int safe_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        /* a raw read, as Lua's own check is: an __index must not get to add __gc meanwhile */
        lua_pushliteral(L, "__gc");
        lua_rawget(L, 2);
        bool has_gc = !lua_isnil(L, -1);
        lua_pop(L, 1);
        if (has_gc)
            return luaL_error(L, "__gc metamethods are not allowed in scenarios");
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* collectgarbage limited to harmless options: no "stop", no tuning. */
static int safe_collectgarbage(lua_State *L)
{
    static const char *const opts[] = {"collect", "count", "step", "isrunning", NULL};
    int o = luaL_checkoption(L, 1, "collect", opts);
    switch (o) {
    case 0: lua_gc(L, LUA_GCCOLLECT); lua_pushinteger(L, 0); return 1;
    case 1: {
        int k = lua_gc(L, LUA_GCCOUNT), b = lua_gc(L, LUA_GCCOUNTB);
        lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
        return 1;
    }
    case 2: lua_pushboolean(L, lua_gc(L, LUA_GCSTEP, 0)); return 1;
    default: lua_pushboolean(L, lua_gc(L, LUA_GCISRUNNING)); return 1;
    }
}

/* String matching runs in C, where the instruction hook cannot stop it, and backtracking
 * patterns cost up to n^(q+1) steps for q quantifiers on a subject of n bytes. Refuse calls
 * whose worst case exceeds PATTERN_BUDGET steps rather than let a script hang the engine. */
#define PATTERN_BUDGET 2e8

static int quantifiers(const char *p, size_t len)
{
    int q = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '%') {
            i++;
        } else if (p[i] == '[') {
            i++;
            if (i < len && p[i] == '^')
                i++;
            if (i < len && p[i] == ']')
                i++;
            while (i < len && p[i] != ']')
                i += p[i] == '%' ? 2 : 1;
        } else if (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?') {
            q++;
        }
    }
    return q;
}

static int guarded_match(lua_State *L)
{
    size_t n, m;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &m);
    (void)s;
    bool plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);
    double cost = (double)n * (double)(m + 1);
    if (!plain)
        for (int q = quantifiers(p, m); q > 0 && cost <= PATTERN_BUDGET; q--)
            cost *= (double)n;
    if (cost > PATTERN_BUDGET)
        return luaL_error(L, "string pattern too costly for a subject of %d bytes (simplify the "
                             "pattern or split the text)",
                          (int)n);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void guard_string(lua_State *L, const char *name, bool has_plain)
{
    lua_getglobal(L, LUA_STRLIBNAME);
    lua_getfield(L, -1, name);
    lua_pushboolean(L, has_plain);
    lua_pushcclosure(L, guarded_match, 2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

static void wrap_global(lua_State *L, const char *name, lua_CFunction f)
{
    lua_getglobal(L, name);
    lua_pushcclosure(L, f, 1);
    lua_setglobal(L, name);
}

static void remove_field(lua_State *L, const char *table, const char *name)
{
    if (table) {
        lua_getglobal(L, table);
        lua_pushnil(L);
        lua_setfield(L, -2, name);
        lua_pop(L, 1);
    } else {
        lua_pushnil(L);
        lua_setglobal(L, name);
    }
}

static void open_sandbox(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base},         {LUA_TABLIBNAME, luaopen_table},
        {LUA_STRLIBNAME, luaopen_string},  {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},   {LUA_COLIBNAME, luaopen_coroutine},
        {NULL, NULL}};
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    /* No files, no binary chunks, no randomness but the engine's, no output. */
    remove_field(L, NULL, "dofile");
    remove_field(L, NULL, "loadfile");
    remove_field(L, NULL, "print");
    remove_field(L, NULL, "warn");
    remove_field(L, "string", "dump");
    remove_field(L, "math", "random");
    remove_field(L, "math", "randomseed");
    lua_pushcfunction(L, safe_pcall);
    lua_setglobal(L, "pcall");
    lua_pushcfunction(L, safe_xpcall);
    lua_setglobal(L, "xpcall");
    lua_pushcfunction(L, safe_collectgarbage);
    lua_setglobal(L, "collectgarbage");
    wrap_global(L, "load", safe_load);
    guard_string(L, "find", true);
    guard_string(L, "match", false);
    guard_string(L, "gmatch", false);
    guard_string(L, "gsub", false);
    wrap_global(L, "setmetatable", safe_setmetatable);
    lua_getglobal(L, LUA_COLIBNAME);
    lua_getfield(L, -1, "resume");
    lua_pushcclosure(L, safe_resume, 1);
    lua_setfield(L, -2, "resume");
    lua_pop(L, 1);
}

Script *script_new(ScriptLimits limits, Err *err)
{
    Script *sc = xcalloc(1, sizeof *sc);
    sc->limits = limits;
    sc->view_ref = sc->names_ref = LUA_NOREF;
    sc->L = lua_newstate(capped_alloc, sc);
    if (!sc->L) {
        free(sc);
        err_set(err, "cannot create a Lua state");
        return NULL;
    }
    *(Script **)lua_getextraspace(sc->L) = sc;
    lua_gc(sc->L, LUA_GCGEN, 0, 0);
    /* Budget the set-up too: opening libraries is cheap, but keep the hook on from the start so
     * every coroutine the script makes inherits it. */
    sc->ticks = limits.load_budget / HOOK_STEP;
    lua_sethook(sc->L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    open_sandbox(sc->L);
    loader_register(sc);
    return sc;
}

void script_free(Script *sc)
{
    if (!sc)
        return;
    sc->exhausted = true; /* nothing of the script may run while the state closes */
    lua_close(sc->L);
    free(sc);
}

/* True if msg starts with "something:123: ", the position Lua puts before runtime errors. */
static bool has_position(const char *msg)
{
    const char *colon = strchr(msg, ':');
    if (!colon || colon == msg || memchr(msg, '\n', (size_t)(colon - msg)))
        return false;
    const char *p = colon + 1;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == ':';
}

/* Errors that pass up through nested coroutine.wrap calls get the same "file:line: " put in
 * front at every level; keep one. */
static const char *collapse_positions(const char *msg)
{
    while (has_position(msg)) {
        const char *colon = strchr(msg, ':');
        const char *end = strchr(colon + 1, ':') + 1; /* past "file:line:" */
        if (*end == ' ')
            end++;
        size_t n = (size_t)(end - msg);
        if (strncmp(end, msg, n) != 0)
            break;
        msg = end;
    }
    return msg;
}

/* Message handler: make the error a string with a position, without running any metamethod
 * of the error object (its __tostring could loop or fail). */
static int message_handler(lua_State *L)
{
    const char *msg = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL;
    if (!msg)
        msg = lua_pushfstring(L, "error (the error value is a %s, not a message)",
                              luaL_typename(L, 1));
    if (has_position(msg))
        return 1;
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
            return 1;
        }
    }
    return 1;
}

void script_begin(Script *sc, long ticks)
{
    sc->ticks = ticks / HOOK_STEP;
    sc->exhausted = false;
}

/* Where a function was defined, as "file:line: " (or "file: " for a main chunk). */
static void defined_at(lua_State *L, int idx, char *buf, size_t n)
{
    lua_Debug ar;
    memset(&ar, 0, sizeof ar);
    buf[0] = '\0';
    lua_pushvalue(L, idx);
    if (!lua_getinfo(L, ">S", &ar))
        return;
    if (ar.linedefined > 0)
        snprintf(buf, n, "%s:%d: ", ar.short_src, ar.linedefined);
    else if (ar.short_src[0])
        snprintf(buf, n, "%s: ", ar.short_src);
}

static int pcall_common(Script *sc, int nargs, int nres, long ticks, FnRef ref, Err *err)
{
    lua_State *L = sc->L;
    int fn = lua_gettop(L) - nargs;
    char where[256] = "";
    if (!ref)
        defined_at(L, fn, where, sizeof where);
    sc->last_line = 0;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, fn);
    if (ticks > 0)
        script_begin(sc, ticks);
    int status = lua_pcall(L, nargs, nres, fn);
    if (status == LUA_OK) {
        lua_remove(L, fn);
        return 0;
    }
    if (sc->last_line > 0) { /* the latest place the script was seen beats its definition */
        snprintf(where, sizeof where, "%s:%d: ", sc->last_src, sc->last_line);
    } else if (ref) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        defined_at(L, lua_gettop(L), where, sizeof where);
        lua_pop(L, 1);
    }
    if (status == LUA_ERRMEM)
        err_set(err, "%smemory limit of %zu MiB exceeded", where, sc->limits.memory >> 20);
    else if (lua_type(L, -1) == LUA_TSTRING && !is_memory_error(L, -1))
        err_set(err, "%s", collapse_positions(lua_tostring(L, -1)));
    else if (lua_type(L, -1) == LUA_TSTRING)
        err_set(err, "%smemory limit of %zu MiB exceeded", where, sc->limits.memory >> 20);
    else
        err_set(err, "%sthe script failed while reporting an error", where);
    lua_settop(L, fn - 1);
    lua_gc(L, LUA_GCCOLLECT);
    return -1;
}

int script_pcall(Script *sc, int nargs, int nres, long ticks, Err *err)
{
    return pcall_common(sc, nargs, nres, ticks, 0, err);
}

int script_pcall_fn(Script *sc, int nargs, int nres, long ticks, FnRef fn, Err *err)
{
    return pcall_common(sc, nargs, nres, ticks, fn, err);
}

static void add_site(Err *err, const CallSite *at)
{
    if (!err || !at)
        return;
    size_t len = strlen(err->msg);
    char *end = err->msg + len;
    size_t room = sizeof err->msg - len;
    if (at->scene && at->choice)
        snprintf(end, room, " (scene '%s', choice '%s', %s)", at->scene->id, at->choice->id,
                 at->what);
    else if (at->scene)
        snprintf(end, room, " (scene '%s', %s)", at->scene->id, at->what);
}

/* Push fn and the view, run it with the game visible, one result on the stack on success. */
static int call(Script *sc, FnRef fn, Game *game, const CallSite *at, Err *err)
{
    lua_State *L = sc->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->view_ref);
    sc->game = game;
    int rc = script_pcall_fn(sc, 1, 1, sc->limits.call_budget, fn, err);
    sc->game = NULL;
    if (rc != 0)
        add_site(err, at);
    return rc;
}

static int fail(Script *sc, const CallSite *at, Err *err, const char *what)
{
    /* Name the function's own definition, since it returned rather than raised. */
    err_set(err, "%s", what);
    lua_pop(sc->L, 1);
    add_site(err, at);
    return -1;
}

static void fn_where(Script *sc, FnRef fn, char *buf, size_t n)
{
    lua_Debug ar;
    lua_rawgeti(sc->L, LUA_REGISTRYINDEX, fn);
    if (lua_getinfo(sc->L, ">S", &ar))
        snprintf(buf, n, "%s:%d: ", ar.short_src, ar.linedefined);
    else
        buf[0] = '\0';
}

int script_call_bool(Script *sc, FnRef fn, Game *game, const CallSite *at, bool *out, Err *err)
{
    if (call(sc, fn, game, at, err) != 0)
        return -1;
    *out = lua_toboolean(sc->L, -1);
    lua_pop(sc->L, 1);
    return 0;
}

int script_call_string(Script *sc, FnRef fn, Game *game, const CallSite *at, char **out, Err *err)
{
    if (call(sc, fn, game, at, err) != 0)
        return -1;
    int t = lua_type(sc->L, -1);
    if (t != LUA_TSTRING && t != LUA_TNUMBER) {
        char where[300], msg[512];
        fn_where(sc, fn, where, sizeof where);
        snprintf(msg, sizeof msg, "%sthe function returned %s, not a string", where,
                 lua_typename(sc->L, t));
        return fail(sc, at, err, msg);
    }
    size_t len;
    const char *s = lua_tolstring(sc->L, -1, &len);
    *out = xstrndup(s, len);
    lua_pop(sc->L, 1);
    return 0;
}

/* Read an integer-valued number at idx into *v; false if it is not one (or out of range). */
static bool to_int(lua_State *L, int idx, long long *v)
{
    int isnum = 0;
    lua_Integer i = lua_tointegerx(L, idx, &isnum);
    if (!isnum)
        return false;
    *v = (long long)i;
    return true;
}

int script_call_effects(Script *sc, FnRef fn, Game *game, const CallSite *at, Effect **out,
                        size_t *n, Err *err)
{
    *out = NULL;
    *n = 0;
    if (call(sc, fn, game, at, err) != 0)
        return -1;
    lua_State *L = sc->L;
    char where[300], msg[700];
    fn_where(sc, fn, where, sizeof where);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1)) {
        snprintf(msg, sizeof msg, "%seffects function returned %s, not a table", where,
                 luaL_typename(L, -1));
        return fail(sc, at, err, msg);
    }
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        long long d;
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int idx = k ? story_find_stat(sc->story, k) : -1;
        if (idx < 0 || !to_int(L, -1, &d) || d < -1000000 || d > 1000000) {
            if (idx < 0)
                snprintf(msg, sizeof msg, "%seffects function returned unknown stat '%s'", where,
                         k ? k : "?");
            else
                snprintf(msg, sizeof msg, "%seffects function: '%s' must be an integer", where, k);
            lua_pop(L, 2);
            script_free_effects(*out, *n);
            *out = NULL;
            *n = 0;
            return fail(sc, at, err, msg);
        }
        grow(out, &cap, *n + 1, sizeof **out);
        (*out)[*n].stat = NULL;
        (*out)[*n].index = idx;
        (*out)[*n].delta = (int)d;
        (*n)++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    /* lua_next order is not stable across runs: sort by stat so replays apply the same way */
    for (size_t i = 1; i < *n; i++)
        for (size_t j = i; j > 0 && (*out)[j].index < (*out)[j - 1].index; j--) {
            Effect t = (*out)[j];
            (*out)[j] = (*out)[j - 1];
            (*out)[j - 1] = t;
        }
    return 0;
}

bool script_to_value(lua_State *L, int idx, Value *v)
{
    long long i;
    memset(v, 0, sizeof *v);
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN: v->type = VAL_BOOL; v->b = lua_toboolean(L, idx); return true;
    case LUA_TNUMBER:
        if (!to_int(L, idx, &i))
            return false;
        v->type = VAL_INT;
        v->i = i;
        return true;
    case LUA_TSTRING: v->type = VAL_STR; v->s = xstrdup(lua_tostring(L, idx)); return true;
    default: return false;
    }
}

int script_call_set(Script *sc, FnRef fn, Game *game, const CallSite *at, FlagSet **out, size_t *n,
                    Err *err)
{
    *out = NULL;
    *n = 0;
    if (call(sc, fn, game, at, err) != 0)
        return -1;
    lua_State *L = sc->L;
    char where[300], msg[700];
    fn_where(sc, fn, where, sizeof where);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return 0;
    }
    if (!lua_istable(L, -1)) {
        snprintf(msg, sizeof msg, "%sset function returned %s, not a table", where,
                 luaL_typename(L, -1));
        return fail(sc, at, err, msg);
    }
    size_t cap = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int idx = k ? story_find_flag(sc->story, k) : -1;
        Value v;
        if (idx < 0 || !script_to_value(L, -1, &v)) {
            if (idx < 0)
                snprintf(msg, sizeof msg,
                         "%sset function returned unknown flag '%s' (declare it in story.flags)",
                         where, k ? k : "?");
            else
                snprintf(msg, sizeof msg,
                         "%sset function: flag '%s' must be a boolean, integer or string", where,
                         k);
            lua_pop(L, 2);
            script_free_sets(*out, *n);
            *out = NULL;
            *n = 0;
            return fail(sc, at, err, msg);
        }
        grow(out, &cap, *n + 1, sizeof **out);
        (*out)[*n].flag = NULL;
        (*out)[*n].index = idx;
        (*out)[*n].value = v;
        (*n)++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    for (size_t i = 1; i < *n; i++)
        for (size_t j = i; j > 0 && (*out)[j].index < (*out)[j - 1].index; j--) {
            FlagSet t = (*out)[j];
            (*out)[j] = (*out)[j - 1];
            (*out)[j - 1] = t;
        }
    return 0;
}

void script_free_effects(Effect *v, size_t n)
{
    (void)n;
    free(v);
}

void script_free_sets(FlagSet *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        value_free(&v[i].value);
    free(v);
}
