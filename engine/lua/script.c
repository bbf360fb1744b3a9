/* script.c: the sandboxed Lua state: capped allocator, instruction budget, safe pcall, and the
 * callbacks the rules make into scenario code. */
#include "lua/host.h"

#include <limits.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

ScriptLimits script_default_limits(void)
{
    ScriptLimits l = {64u << 20, 50000000L, 5000000L, SCRIPT_WALL_MS, 20000000L};
    return l;
}

Script *script_of(lua_State *L)
{
    return *(Script **)lua_getextraspace(L);
}

/* Allocator with a cap: refusing an allocation makes Lua raise a memory error. Every byte
 * allocated is also charged to the instruction budget (ALLOC_BYTES_PER_INSTRUCTION bytes cost
 * one instruction), since copying and filling it is work done in C on the script's behalf:
 * concatenation, string.rep, string.upper, table growth and the collector's steps all end up
 * here. The allocator cannot raise, so the charge only lowers the ticks left; the next hook
 * tick raises the budget error. */
static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Script *sc = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        if (ptr && ptr == sc->shifted) { /* the state itself, placed by script_new */
            ptr = (char *)ptr - sc->shift;
            sc->shifted = NULL;
        }
        free(ptr);
        sc->used -= osize;
        return NULL;
    }
    if (!ptr && sc->shift && !sc->placed) { /* the state's own block: see script_new_variant */
        sc->placed = true;
        if (sc->used + nsize > sc->limits.memory)
            return NULL;
        char *p = malloc(nsize + sc->shift);
        if (!p)
            return NULL;
        sc->used += nsize;
        sc->shifted = p + sc->shift;
        return sc->shifted;
    }
    if (nsize > osize && sc->used + (nsize - osize) > sc->limits.memory)
        return NULL;
    void *p = realloc(ptr, nsize);
    if (p) {
        sc->used = sc->used - osize + nsize;
        sc->alloc_carry += nsize;
        if (sc->alloc_carry >= ALLOC_BYTES_PER_INSTRUCTION * HOOK_STEP) {
            sc->ticks -= (long)(sc->alloc_carry / (ALLOC_BYTES_PER_INSTRUCTION * HOOK_STEP));
            sc->alloc_carry %= ALLOC_BYTES_PER_INSTRUCTION * HOOK_STEP;
        }
    }
    return p;
}

/* Raise the budget error at the script's current position (the innermost Lua function). */
static int raise_budget(lua_State *L, const char *what)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
            return luaL_error(L, "%s:%d: %s", ar.short_src, ar.currentline, what);
    return luaL_error(L, "%s", what);
}

static const char BUDGET_MSG[] = "instruction budget exceeded (an endless loop?)";

void script_charge(lua_State *L, size_t instructions)
{
    Script *sc = script_of(L);
    if (watchdog_expired(sc)) { /* a slow C call: stop here rather than at the next hook tick */
        sc->exhausted = true;
        raise_budget(L, "ran for more than the wall-clock limit of a call");
    }
    if (!sc->exhausted) {
        size_t limit = (size_t)LONG_MAX / 2;
        if (instructions > limit)
            instructions = limit;
        sc->carry += instructions % HOOK_STEP;
        long ticks = (long)(instructions / HOOK_STEP + sc->carry / HOOK_STEP);
        sc->carry %= HOOK_STEP;
        if (sc->ticks - ticks >= 0) {
            sc->ticks -= ticks;
            return;
        }
        sc->ticks = -1;
        sc->exhausted = true;
    }
    raise_budget(L, BUDGET_MSG);
}

/* Count hook: once the budget is spent (or the watchdog says the call has run too long),
 * every later tick raises again, so a script that catches the error only runs until its next
 * HOOK_STEP instructions. */
static void budget_hook(lua_State *L, lua_Debug *ar)
{
    Script *sc = script_of(L);
    bool located = lua_getinfo(L, "Sl", ar) && ar->currentline > 0;
    if (located) {
        snprintf(sc->last_src, sizeof sc->last_src, "%s", ar->short_src);
        sc->last_line = ar->currentline;
    }
    if (watchdog_expired(sc)) {
        sc->exhausted = true;
        if (located)
            lua_pushfstring(L, "%s:%d: ran for more than %d ms (the wall-clock limit of a call)",
                            ar->short_src, ar->currentline, (int)sc->limits.wall_ms);
        else
            lua_pushfstring(L, "ran for more than %d ms (the wall-clock limit of a call)",
                            (int)sc->limits.wall_ms);
        lua_error(L);
    }
    if (!sc->exhausted && --sc->ticks >= 0)
        return;
    sc->exhausted = true;
    if (located)
        lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, BUDGET_MSG);
    else
        lua_pushstring(L, BUDGET_MSG);
    lua_error(L);
}

static bool is_memory_error(lua_State *L, int idx)
{
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
    return s && strcmp(s, "not enough memory") == 0;
}

/* A caught error that must go on up: the budget is spent, or memory ran out. */
static bool is_fatal(Script *sc, lua_State *L, int status, int idx)
{
    return sc->exhausted || status == LUA_ERRMEM ||
           (status != LUA_OK && is_memory_error(L, idx));
}

/* What raising and catching an error costs in C (building the message with its position,
 * unwinding), in instructions: a loop of pcall(error, "x") is cheap in VM instructions. */
#define CATCH_COST 100
/* What one call of load costs before its first byte is parsed (the parser's state). */
#define LOAD_COST 200

/* Call the library function a wrapper stands for (upvalue 1) with the wrapper's arguments,
 * which sit above it on the stack, keeping nres results. Its errors go on up as they are: they
 * name it as in plain Lua ("bad argument #1 to 'tonumber'") because the originals are kept in
 * the registry's table of loaded libraries, where luaL_argerror looks names up (see
 * keep_originals). */
static void call_original(lua_State *L, int nres)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, nres);
}

/* Replace each library table in the registry's LOADED table with a copy, before the sandbox
 * wraps anything: the copies keep the original functions, so that an error raised inside one
 * named by a wrapper still gets the function's name (lauxlib's pushglobalfuncname searches
 * LOADED for the function). Scripts cannot reach the registry. */
static void keep_originals(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    static const char *const libs[] = {LUA_GNAME, LUA_STRLIBNAME, LUA_TABLIBNAME,
                                       LUA_UTF8LIBNAME, LUA_COLIBNAME, LUA_MATHLIBNAME};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        lua_getfield(L, -1, libs[i]);
        lua_newtable(L);
        lua_pushnil(L);
        while (lua_next(L, -3)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
        lua_setfield(L, -3, libs[i]);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
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
    if (is_fatal(sc, L, status, -1))
        return lua_error(L);
    if (status != LUA_OK) {
        script_charge(L, CATCH_COST);
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L);
}

/* xpcall(f, handler, ...). Lua runs a message handler at the point of the error, and when the
 * error is the budget's, that point is inside the count hook, where hooks are off: a handler
 * there would run unbudgeted. So the handler runs here instead, after the failed call has
 * unwound, with the hook on and under the same budget. Scripts cannot tell the difference:
 * without the debug library a handler can only look at the error value. */
static int safe_xpcall(lua_State *L)
{
    Script *sc = script_of(L);
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 1); /* f, h, args..., f */
    lua_insert(L, 3);    /* f, h, f, args... */
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 0);
    if (is_fatal(sc, L, status, -1))
        return lua_error(L);
    if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        lua_replace(L, 1); /* true, h, results... */
        lua_remove(L, 2);
        return lua_gettop(L);
    }
    /* f, h, err: call h(err) */
    script_charge(L, CATCH_COST);
    lua_pushvalue(L, 2);
    lua_insert(L, -2);
    status = lua_pcall(L, 1, 1, 0);
    if (is_fatal(sc, L, status, -1))
        return lua_error(L);
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/* coroutine.resume and coroutine.close also catch errors; pass a spent budget or a memory
 * error through. (Both return false and the error as their first two results.) */
static int safe_catching(lua_State *L)
{
    Script *sc = script_of(L);
    call_original(L, LUA_MULTRET);
    if (sc->exhausted || (!lua_toboolean(L, 1) && is_memory_error(L, 2))) {
        lua_settop(L, 2);
        return lua_error(L);
    }
    if (!lua_toboolean(L, 1))
        script_charge(L, CATCH_COST);
    return lua_gettop(L);
}

/* load() of text chunks only; the environment defaults to the sandbox's globals. lua_load
 * runs a reader function in protected mode and turns its errors into load's nil, message:
 * a spent budget or a memory error inside the reader goes on up instead. */
static int safe_load(lua_State *L)
{
    Script *sc = script_of(L);
    int n = lua_gettop(L);
    script_charge(L, LOAD_COST + (lua_type(L, 1) == LUA_TSTRING ? lua_rawlen(L, 1) / 2 : 0));
    if (n < 3)
        lua_settop(L, 3);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    call_original(L, LUA_MULTRET);
    if (sc->exhausted || (lua_isnil(L, 1) && is_memory_error(L, 2))) {
        lua_settop(L, 2);
        return lua_error(L);
    }
    if (lua_isnil(L, 1))
        script_charge(L, CATCH_COST);
    return lua_gettop(L);
}

/* setmetatable without __gc: finalizers would run scenario code at unpredictable times, and
 * Lua runs them with hooks off, out of the budget's reach. */
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
    call_original(L, 1);
    return 1;
}

/* collectgarbage("collect") only, priced by the heap it walks. "count" would let a story's
 * outcome depend on memory use, which differs from run to run (and so would "step", whose
 * result says whether a cycle happened to finish); "stop" and the tuning options would let a
 * script switch off the collector the memory cap relies on. */
static int safe_collectgarbage(lua_State *L)
{
    static const char *const opts[] = {"collect", "isrunning", "count", "step", "stop",
                                       "restart", "incremental", "generational", "setpause",
                                       "setstepmul", NULL};
    int o = luaL_checkoption(L, 1, "collect", opts);
    switch (o) {
    case 0:
        script_charge(L, script_of(L)->used / ALLOC_BYTES_PER_INSTRUCTION);
        lua_gc(L, LUA_GCCOLLECT);
        lua_pushinteger(L, 0);
        return 1;
    case 1: lua_pushboolean(L, 1); return 1;
    case 2:
        return luaL_error(L, "collectgarbage(\"count\") is not available to stories: memory use "
                             "differs from run to run, and a story must play the same way "
                             "each time");
    default:
        return luaL_error(L, "collectgarbage(\"%s\") is not available to stories (only "
                             "\"collect\" is)",
                          opts[o]);
    }
}

/* tostring without addresses: a table, function, thread or userdata with no __tostring
 * becomes its type (or its metatable's __name), not "table: 0x55d0c3a4" - an address differs
 * from run to run, and a story that looked at one would not replay the same way. */
static int safe_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TTHREAD || t == LUA_TUSERDATA ||
        t == LUA_TLIGHTUSERDATA) {
        if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
            lua_pop(L, 1);
        } else if (luaL_getmetafield(L, 1, "__name") == LUA_TSTRING) {
            return 1;
        } else {
            lua_settop(L, 1);
            lua_pushstring(L, luaL_typename(L, 1));
            return 1;
        }
    }
    lua_settop(L, 1);
    call_original(L, 1);
    return 1;
}

/* string.format without %p (an address), and with every argument that is not a number or a
 * string given through the sandbox's tostring first, so "%s" of a table shows no address. */
static int safe_format(lua_State *L)
{
    size_t len;
    const char *fmt = luaL_checklstring(L, 1, &len);
    for (size_t i = 0; i < len; i++) {
        if (fmt[i] != '%')
            continue;
        i++;
        while (i < len && strchr("-+ #0123456789.", fmt[i]))
            i++;
        if (i < len && fmt[i] == 'p')
            return luaL_error(L, "string.format: %%p is not available to stories (an address "
                                 "differs from run to run)");
    }
    int n = lua_gettop(L);
    for (int i = 2; i <= n; i++) {
        int t = lua_type(L, i);
        if (t == LUA_TNUMBER || t == LUA_TSTRING)
            continue;
        lua_pushvalue(L, lua_upvalueindex(2)); /* the sandbox's tostring */
        lua_pushvalue(L, i);
        lua_call(L, 1, 1);
        lua_replace(L, i);
    }
    size_t bytes = len;
    for (int i = 2; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += lua_rawlen(L, i);
    /* %q escapes byte by byte (some 100 ns for a NUL); the rest is copying */
    script_charge(L, strstr(fmt, "q") ? bytes * 8 : bytes / 4);
    call_original(L, 1);
    return 1;
}

/* ---- library functions that loop in C, priced by the work their arguments ask for ---- */

enum Price {
    PRICE_REP,     /* string.rep(s, n, sep): n repetitions */
    PRICE_SPAN,    /* f(t/s, i, j): j - i + 1 elements (table.concat, unpack; string.byte) */
    PRICE_INSERT,  /* table.insert(t, pos, v): the elements moved */
    PRICE_REMOVE,  /* table.remove(t, pos): the elements moved */
    PRICE_MOVE,    /* table.move(a, f, e, t): e - f + 1 elements */
    PRICE_SORT,    /* table.sort(t): n log n comparisons */
    PRICE_SELECT,  /* select(n, ...): the values returned */
    PRICE_BYTES    /* utf8.len, utf8.offset, utf8.codepoint, string.unpack, string.upper,
                      lower and reverse, tonumber: bytes read one at a time */
};

/* Integer argument i, or def when absent; a value of the wrong type prices as def and is left
 * for the library function itself to refuse. */
static lua_Integer int_arg(lua_State *L, int i, lua_Integer def)
{
    int isnum = 0;
    lua_Integer v = lua_tointegerx(L, i, &isnum);
    return isnum ? v : def;
}

/* The length of argument i (a string's bytes, or a table's #, which may call __len). */
static lua_Integer len_arg(lua_State *L, int i)
{
    if (lua_type(L, i) == LUA_TSTRING)
        return (lua_Integer)lua_rawlen(L, i);
    if (lua_type(L, i) != LUA_TTABLE)
        return 0;
    lua_len(L, i);
    lua_Integer n = int_arg(L, -1, 0);
    lua_pop(L, 1);
    return n;
}

/* b - a + 1 as a non-negative count, without overflow. */
static double span(lua_Integer a, lua_Integer b)
{
    return b < a ? 0.0 : (double)b - (double)a + 1.0;
}

static int priced(lua_State *L)
{
    enum Price kind = (enum Price)lua_tointeger(L, lua_upvalueindex(2));
    double cost = 1.0;
    switch (kind) {
    case PRICE_REP: {
        size_t ls = 0, lsep = 0;
        if (lua_type(L, 1) == LUA_TSTRING)
            ls = lua_rawlen(L, 1);
        if (lua_type(L, 3) == LUA_TSTRING)
            lsep = lua_rawlen(L, 3);
        double n = (double)int_arg(L, 2, 0);
        double bytes = n * (double)(ls + lsep);
        Script *sc = script_of(L);
        if (n <= 0 || bytes > (double)(sc->limits.memory - sc->used))
            break; /* nothing to do, or a result too big to allocate: it fails at once */
        /* the result's bytes are copied; repeating "" is an empty loop of n turns */
        cost += bytes > 0 ? bytes / ALLOC_BYTES_PER_INSTRUCTION : n;
        break;
    }
    case PRICE_SPAN: {
        lua_Integer i = int_arg(L, 2, 1);
        lua_Integer j = lua_isnoneornil(L, 3) ? (lua_type(L, 1) == LUA_TSTRING ? i : len_arg(L, 1))
                                              : int_arg(L, 3, 0);
        cost += span(i, j);
        break;
    }
    case PRICE_INSERT: /* table.insert(t, pos, v) shifts; table.insert(t, v) appends */
        if (lua_gettop(L) == 3) {
            lua_Integer n = len_arg(L, 1);
            cost += span(int_arg(L, 2, n), n);
        }
        break;
    case PRICE_REMOVE: /* table.remove(t, pos) shifts; table.remove(t) takes the last */
        if (lua_gettop(L) >= 2) {
            lua_Integer n = len_arg(L, 1);
            cost += span(int_arg(L, 2, n), n);
        }
        break;
    case PRICE_MOVE: cost += span(int_arg(L, 2, 1), int_arg(L, 3, 0)); break;
    case PRICE_SORT: {
        double n = (double)len_arg(L, 1);
        for (double m = n; m > 1; m /= 2)
            cost += n;
        break;
    }
    case PRICE_SELECT: {
        lua_Integer i = int_arg(L, 1, 1);
        lua_Integer n = lua_gettop(L) - 1;
        cost += i < 0 ? (double)-i : span(i, n);
        break;
    }
    case PRICE_BYTES:
        for (int i = 1; i <= lua_gettop(L); i++)
            if (lua_type(L, i) == LUA_TSTRING)
                cost += (double)lua_rawlen(L, i) / 2;
        break;
    }
    script_charge(L, cost >= 1e15 ? (size_t)1e15 : (size_t)cost);
    call_original(L, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replace table[name] (a global when table is NULL) with the C closure f, whose upvalues are
 * the original function and kind (an integer, or the value at extra when kind < 0 and extra
 * is not 0). */
static void wrap_field(lua_State *L, const char *table, const char *name, lua_CFunction f,
                       int kind, int extra)
{
    if (extra < 0)
        extra = lua_absindex(L, extra);
    if (table)
        lua_getglobal(L, table);
    else
        lua_pushglobaltable(L);
    lua_getfield(L, -1, name);
    if (kind >= 0)
        lua_pushinteger(L, kind);
    else if (extra)
        lua_pushvalue(L, extra);
    else
        lua_pushnil(L);
    lua_pushcclosure(L, f, 2);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
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

/* Build the sandbox. Runs under lua_pcall (see script_new), so running out of memory here is
 * an error, not an abort. */
static int open_sandbox(lua_State *L)
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
    keep_originals(L);
    remove_field(L, NULL, "dofile");
    remove_field(L, NULL, "loadfile");
    remove_field(L, NULL, "print");
    remove_field(L, NULL, "warn");
    remove_field(L, "string", "dump");
    remove_field(L, "math", "random");
    remove_field(L, "math", "randomseed");
    lua_register(L, "pcall", safe_pcall);
    lua_register(L, "xpcall", safe_xpcall);
    lua_register(L, "collectgarbage", safe_collectgarbage);
    wrap_field(L, NULL, "load", safe_load, -1, 0);
    wrap_field(L, NULL, "setmetatable", safe_setmetatable, -1, 0);
    wrap_field(L, NULL, "tostring", safe_tostring, -1, 0);
    lua_getglobal(L, "tostring"); /* string.format closes over the new tostring too */
    wrap_field(L, LUA_STRLIBNAME, "format", safe_format, -1, -1);
    lua_pop(L, 1);
    wrap_field(L, LUA_COLIBNAME, "resume", safe_catching, -1, 0);
    wrap_field(L, LUA_COLIBNAME, "close", safe_catching, -1, 0);
    pattern_install(L);
    wrap_field(L, LUA_STRLIBNAME, "rep", priced, PRICE_REP, 0);
    wrap_field(L, LUA_STRLIBNAME, "byte", priced, PRICE_SPAN, 0);
    wrap_field(L, LUA_STRLIBNAME, "unpack", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_STRLIBNAME, "pack", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_STRLIBNAME, "packsize", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_STRLIBNAME, "upper", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_STRLIBNAME, "lower", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_STRLIBNAME, "reverse", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_TABLIBNAME, "concat", priced, PRICE_SPAN, 0);
    wrap_field(L, LUA_TABLIBNAME, "unpack", priced, PRICE_SPAN, 0);
    wrap_field(L, LUA_TABLIBNAME, "insert", priced, PRICE_INSERT, 0);
    wrap_field(L, LUA_TABLIBNAME, "remove", priced, PRICE_REMOVE, 0);
    wrap_field(L, LUA_TABLIBNAME, "move", priced, PRICE_MOVE, 0);
    wrap_field(L, LUA_TABLIBNAME, "sort", priced, PRICE_SORT, 0);
    wrap_field(L, NULL, "select", priced, PRICE_SELECT, 0);
    wrap_field(L, NULL, "tonumber", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_UTF8LIBNAME, "len", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_UTF8LIBNAME, "offset", priced, PRICE_BYTES, 0);
    wrap_field(L, LUA_UTF8LIBNAME, "codepoint", priced, PRICE_BYTES, 0);
    /* The string metatable is the library's: keep scripts from reading or changing it. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    loader_register(script_of(L));
    workarounds_install(L);
    return 0;
}

Script *script_new(ScriptLimits limits, Err *err)
{
    return script_new_variant(limits, 0, err);
}

/* Lua seeds the hashes of its strings (and so the order in which pairs() visits a table's
 * keys) from the state's address, the time and addresses in the program (luai_makeseed in
 * lstate.c). Two states made in one process one after the other get seeds whose low bits,
 * which decide the order in small tables, are almost always the same; two processes get
 * different ones. A variant places the state's block `variant` words further on, which
 * changes those bits as another process would (for `ladder check`'s replays). */
Script *script_new_variant(ScriptLimits limits, unsigned variant, Err *err)
{
    Script *sc = xcalloc(1, sizeof *sc);
    sc->limits = limits;
    sc->shift = (size_t)(variant % 61) * sizeof(void *);
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
    sc->step_left = limits.step_budget;
    lua_pushcfunction(sc->L, open_sandbox);
    if (lua_pcall(sc->L, 0, 0, 0) != LUA_OK) {
        err_set(err, "cannot set up the Lua sandbox: %s",
                lua_type(sc->L, -1) == LUA_TSTRING ? lua_tostring(sc->L, -1) : "?");
        lua_close(sc->L);
        free(sc);
        return NULL;
    }
    return sc;
}

void script_free(Script *sc)
{
    if (!sc)
        return;
    sc->exhausted = true; /* nothing of the script may run while the state closes */
    lua_close(sc->L);
    free(sc->decl_error);
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
    sc->carry = 0;
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
    watchdog_begin(sc);
    int status = lua_pcall(L, nargs, nres, fn);
    watchdog_end(sc);
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

/* Runs under lua_pcall: fn(view), with a number result made a string here, where running out
 * of memory in the conversion is an error rather than an abort. */
static int call_protected(lua_State *L)
{
    lua_call(L, 1, 1);
    if (lua_type(L, -1) == LUA_TNUMBER)
        lua_tolstring(L, -1, NULL);
    return 1;
}

void script_step(Script *sc)
{
    sc->step_left = sc->limits.step_budget;
}

/* Push fn and the view, run it with the game visible, one result on the stack on success. The
 * call gets the per-callback budget, or what is left of the step's if that is less. */
static int call(Script *sc, FnRef fn, Game *game, const CallSite *at, Err *err)
{
    lua_State *L = sc->L;
    long budget = sc->limits.call_budget < sc->step_left ? sc->limits.call_budget : sc->step_left;
    if (budget < HOOK_STEP) {
        err_set(err, "the story's functions for this step of play have run %ld million "
                     "instructions (at most %ld million for one step)",
                sc->limits.step_budget / 1000000, sc->limits.step_budget / 1000000);
        add_site(err, at);
        return -1;
    }
    lua_pushcfunction(L, call_protected);
    lua_rawgeti(L, LUA_REGISTRYINDEX, fn);
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->view_ref);
    sc->game = game;
    int rc = script_pcall_fn(sc, 2, 1, budget, fn, err);
    sc->game = NULL;
    sc->step_left -= budget - (sc->ticks > 0 ? sc->ticks * HOOK_STEP : 0);
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
    const char *s = lua_tolstring(sc->L, -1, &len); /* a string by now: no allocation */
    /* a scene's text, a choice's (a button), or a scene id from a go function */
    bool is_go = at && at->what && strcmp(at->what, "go") == 0;
    size_t max = is_go ? TEXT_MAX_LABEL : at && at->choice ? TEXT_MAX_CHOICE : TEXT_MAX_BYTES;
    if (len > max || strlen(s) != len) {
        char where[300], msg[512];
        fn_where(sc, fn, where, sizeof where);
        if (strlen(s) != len)
            snprintf(msg, sizeof msg, "%sthe function returned a text holding a NUL byte", where);
        else if (len >= 10240)
            snprintf(msg, sizeof msg, "%sthe function returned a text of %zu KiB; it may be at "
                     "most %zu %s", where, len >> 10, max >= 10240 ? max >> 10 : max,
                     max >= 10240 ? "KiB" : "bytes");
        else
            snprintf(msg, sizeof msg, "%sthe function returned a text of %zu bytes; it may be at "
                     "most %zu bytes", where, len, max);
        return fail(sc, at, err, msg);
    }
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
        const char *k = lua_type(L, -2) == LUA_TSTRING &&
                                strlen(lua_tostring(L, -2)) == lua_rawlen(L, -2)
                            ? lua_tostring(L, -2)
                            : NULL; /* a name holds no NUL byte */
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
    case LUA_TSTRING:
        if (lua_rawlen(L, idx) > TEXT_MAX_CHOICE ||
            strlen(lua_tostring(L, idx)) != lua_rawlen(L, idx))
            return false;
        v->type = VAL_STR;
        v->s = xstrdup(lua_tostring(L, idx));
        return true;
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
        const char *k = lua_type(L, -2) == LUA_TSTRING &&
                                strlen(lua_tostring(L, -2)) == lua_rawlen(L, -2)
                            ? lua_tostring(L, -2)
                            : NULL; /* a name holds no NUL byte */
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
