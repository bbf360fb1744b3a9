/* sandbox.c: the libraries a story's script gets: what is removed, what is wrapped so that no
 * error it catches can be the budget's or the memory cap's and no result shows an address or
 * the heap's size, and what is priced because it loops in C (see scenarios/README.md, "The
 * sandbox and its limits", which lists every change and why). */
#include "lua/internal.h"

#include <lualib.h>
#include <string.h>

#include "lua/workarounds.h"

/* A caught error that must go on up: the budget is spent, or memory ran out. */
static bool is_fatal(Script *sc, lua_State *L, int status, int idx)
{
    return sc->exhausted || status == LUA_ERRMEM ||
           (status != LUA_OK && script_is_memory_error(L, idx));
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

/* Coroutines stopped by the budget or the memory cap.
 *
 * The budget's error is raised inside the count hook, where Lua has switched hooks off for the
 * running thread; lua_resume catches it without switching them back on (Lua 5.4.4, ldo.c), so
 * a coroutine that died of it keeps its hooks off for good. Closing it would then run its
 * pending to-be-closed variables' __close with no instruction budget at all: coroutine.close
 * does so, and so does coroutine.wrap on an error (lua_resetthread). Such coroutines are
 * marked here (a weak set in the registry) and are never closed: their __close handlers do not
 * run, and coroutine.close says why. */
static const char POISONED = 'p'; /* its address is the registry key of the weak set */

static void poison(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &POISONED) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_createtable(L, 0, 1);
        lua_pushliteral(L, "k");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &POISONED);
    }
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static bool is_poisoned(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &POISONED) != LUA_TTABLE) {
        lua_pop(L, 1);
        return false;
    }
    lua_pushvalue(L, idx);
    bool yes = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return yes;
}

/* coroutine.resume catches errors; a spent budget or a memory error goes on up (and the
 * coroutine it killed is poisoned, see above). */
static int safe_resume(lua_State *L)
{
    Script *sc = script_of(L);
    lua_pushvalue(L, 1); /* the coroutine, kept below the results */
    lua_insert(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 2);
    lua_call(L, lua_gettop(L) - 2, LUA_MULTRET);
    bool failed = !lua_toboolean(L, 2);
    if (sc->exhausted || (failed && script_is_memory_error(L, 3))) {
        if (lua_type(L, 1) == LUA_TTHREAD)
            poison(L, 1);
        lua_settop(L, 3);
        return lua_error(L);
    }
    lua_remove(L, 1);
    if (failed)
        script_charge(L, CATCH_COST);
    return lua_gettop(L);
}

/* coroutine.close: never on a poisoned coroutine, never once the budget is spent; its own
 * failures pass a spent budget or memory error through. */
static int safe_close(lua_State *L)
{
    Script *sc = script_of(L);
    script_charge(L, 0); /* raises if the budget is spent */
    if (lua_type(L, 1) == LUA_TTHREAD && is_poisoned(L, 1))
        return luaL_error(L, "coroutine.close: this coroutine was stopped by the instruction "
                             "budget or the memory cap, and its to-be-closed variables cannot "
                             "run");
    call_original(L, LUA_MULTRET);
    if (sc->exhausted || (!lua_toboolean(L, 1) && script_is_memory_error(L, 2))) {
        lua_settop(L, 2);
        return lua_error(L);
    }
    if (!lua_toboolean(L, 1))
        script_charge(L, CATCH_COST);
    return lua_gettop(L);
}

/* The function coroutine.wrap returns (upvalue 1: the coroutine): lcorolib's auxwrap of Lua
 * 5.4.4, except that a coroutine stopped by the budget or the memory cap is poisoned, not
 * reset (resetting would run its __close handlers with hooks off). */
static int wrapped_call(lua_State *L)
{
    Script *sc = script_of(L);
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int narg = lua_gettop(L), nres = 0;
    lua_pushvalue(L, lua_upvalueindex(1));
    bool poisoned = is_poisoned(L, -1);
    lua_pop(L, 1);
    if (poisoned)
        return luaL_error(L, "this coroutine was stopped by the instruction budget or the memory "
                             "cap and cannot run again");
    if (!lua_checkstack(co, narg))
        return luaL_error(L, "too many arguments to resume");
    int st = lua_status(co);
    if (st == LUA_OK && lua_gettop(co) == 0)
        return luaL_error(L, "cannot resume dead coroutine");
    lua_xmove(L, co, narg);
    int status = lua_resume(co, L, narg, &nres);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1); /* the error */
    if (sc->exhausted || status == LUA_ERRMEM || script_is_memory_error(L, -1)) {
        lua_pushvalue(L, lua_upvalueindex(1));
        poison(L, -1);
        lua_pop(L, 1);
        return lua_error(L);
    }
    st = lua_status(co);
    if (st != LUA_OK && st != LUA_YIELD && /* it died of this error: close its variables */
        lua_resetthread(co) != LUA_OK)
        lua_xmove(co, L, 1); /* an error while closing replaces the first */
    if (sc->exhausted || script_is_memory_error(L, -1))
        return lua_error(L);
    if (lua_type(L, -1) == LUA_TSTRING) { /* add where the wrap function was called */
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int safe_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrapped_call, 1);
    return 1;
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
    if (sc->exhausted || (lua_isnil(L, 1) && script_is_memory_error(L, 2))) {
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

int sandbox_open(lua_State *L)
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
    wrap_field(L, LUA_COLIBNAME, "resume", safe_resume, -1, 0);
    wrap_field(L, LUA_COLIBNAME, "close", safe_close, -1, 0);
    lua_getglobal(L, LUA_COLIBNAME);
    lua_pushcfunction(L, safe_wrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 1);
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
    workarounds_install(L);
    return 0;
}

