/* script.c: the sandboxed Lua state: capped allocator, instruction budget, safe pcall, and the
 * callbacks the rules make into scenario code. */
#include "lua/internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/usage.h"

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
    /* Once the budget is spent, the code still unwinding (__close handlers, each until the
     * next hook tick) gets only a little more memory: copying is work, and the allocator
     * cannot raise the budget's error itself. */
    if (sc->exhausted && nsize > osize) {
        sc->spent_alloc += nsize - osize;
        if (sc->spent_alloc > AFTER_BUDGET_BYTES)
            return NULL;
    }
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

/* The budget is spent (or the wall-clock limit reached): from now on the hook fires at every
 * instruction, on the running thread and the main one, so code that still runs while the
 * error unwinds (each pending __close handler, Lua calls them all) stops at its first
 * instruction instead of running up to a thousand. */
static void exhaust(Script *sc, lua_State *L)
{
    sc->exhausted = true;
    /* once per thread: lua_sethook walks the thread's whole call stack */
    if (lua_gethookcount(L) != 1)
        lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
    if (L != sc->L && lua_gethookcount(sc->L) != 1)
        lua_sethook(sc->L, lua_gethook(sc->L), LUA_MASKCOUNT, 1);
}

/* Raise the budget error at the script's current position (the innermost Lua function). */
/* The first message of a spent budget, kept in the registry under this key's address and
 * raised again, as the same string, by every later hook tick and charge of the same call:
 * while a deep stack unwinds, formatting a new message for each pending __close handler would
 * allocate each time, and every collection step walks the whole stack. */
static const char SPENT = 's';

static int raise_spent(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &SPENT) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushliteral(L, "instruction budget exceeded");
    }
    return lua_error(L);
}

/* Raise the message on top as the first of a spent budget (see SPENT). */
static int raise_first(lua_State *L)
{
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &SPENT);
    return lua_error(L);
}

/* Raise the budget error at the script's current position (the innermost Lua function). */
static int raise_budget(lua_State *L, const char *what)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, what);
            return raise_first(L);
        }
    lua_pushstring(L, what);
    return raise_first(L);
}

static const char BUDGET_MSG[] = "instruction budget exceeded (an endless loop?)";

void script_charge(lua_State *L, size_t instructions)
{
    Script *sc = script_of(L);
    if (watchdog_expired(sc) && !sc->exhausted) { /* a slow C call: stop here, not at a tick */
        exhaust(sc, L);
        raise_budget(L, "ran for more than the wall-clock limit of a call");
    }
    if (sc->exhausted)
        raise_spent(L);
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
    exhaust(sc, L);
    raise_budget(L, BUDGET_MSG);
}

/* Count hook: once the budget is spent (or the watchdog says the call has run too long),
 * every later tick raises again, so a script that catches the error only runs until its next
 * HOOK_STEP instructions. */
static void budget_hook(lua_State *L, lua_Debug *ar)
{
    Script *sc = script_of(L);
    if (sc->exhausted) { /* unwinding: stop each pending handler at once, as the first did */
        if (lua_gethookcount(L) != 1)
            exhaust(sc, L);
        raise_spent(L);
    }
    bool located = lua_getinfo(L, "Sl", ar) && ar->currentline > 0;
    if (located) {
        snprintf(sc->last_src, sizeof sc->last_src, "%s", ar->short_src);
        sc->last_line = ar->currentline;
    }
    if (watchdog_expired(sc)) {
        exhaust(sc, L);
        if (located)
            lua_pushfstring(L, "%s:%d: ran for more than %d ms (the wall-clock limit of a call)",
                            ar->short_src, ar->currentline, (int)sc->limits.wall_ms);
        else
            lua_pushfstring(L, "ran for more than %d ms (the wall-clock limit of a call)",
                            (int)sc->limits.wall_ms);
        raise_first(L);
    }
    if (lua_gethookcount(L) == 1) {
        /* a coroutine made while the budget was spent inherited the every-instruction hook:
         * back to counting in ticks */
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
        return;
    }
    if (--sc->ticks >= 0)
        return;
    exhaust(sc, L);
    if (located)
        lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, BUDGET_MSG);
    else
        lua_pushstring(L, BUDGET_MSG);
    raise_first(L);
}

bool script_is_memory_error(lua_State *L, int idx)
{
    const char *s = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : NULL;
    return s && strcmp(s, "not enough memory") == 0;
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
    lua_pushcfunction(sc->L, sandbox_open);
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
    free(sc->warning);
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
    /* the innermost and the outermost Lua functions running: when they differ (a callback
     * calling a helper), the outermost's line is where the story called the helper. Only a
     * shallow stack is walked (each lua_getstack walks from the top: a deep recursion would
     * make this quadratic); past CALLER_LEVELS no caller is named. */
    enum { CALLER_LEVELS = 32 };
    lua_Debug ar;
    int inner = 0, inner_line = 0, outer = 0, outer_line = 0;
    char inner_src[LUA_IDSIZE] = "", outer_src[LUA_IDSIZE] = "";
    int level = 1;
    for (; level <= CALLER_LEVELS && lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0)
            continue;
        if (!inner) {
            inner = level;
            inner_line = ar.currentline;
            snprintf(inner_src, sizeof inner_src, "%s", ar.short_src);
        }
        outer = level;
        outer_line = ar.currentline;
        snprintf(outer_src, sizeof outer_src, "%s", ar.short_src);
    }
    if (!has_position(msg) && inner)
        msg = lua_pushfstring(L, "%s:%d: %s", inner_src, inner_line, msg);
    if (level > CALLER_LEVELS && lua_getstack(L, level, &ar))
        outer = inner; /* deeper than we look: the outermost is unknown */
    for (; !inner && lua_getstack(L, level, &ar); level++) /* no Lua function yet: look on */
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            inner = outer = level;
            inner_line = ar.currentline;
            snprintf(inner_src, sizeof inner_src, "%s", ar.short_src);
        }
    if (outer != inner && !strstr(msg, "(called from "))
        lua_pushfstring(L, "%s (called from %s:%d)", msg, outer_src, outer_line);
    return 1;
}

void script_begin(Script *sc, long ticks)
{
    sc->ticks = ticks / HOOK_STEP;
    sc->carry = 0;
    if (sc->exhausted) { /* count in ticks again (see exhaust); forget the last message */
        lua_sethook(sc->L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
        lua_pushnil(sc->L);
        lua_rawsetp(sc->L, LUA_REGISTRYINDEX, &SPENT);
    }
    sc->exhausted = false;
    sc->spent_alloc = 0;
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

/* An error in a helper that the callback ref called in a tail call (return helper(g)), which
 * leaves no frame of the callback for the message handler to name: when the error's line lies
 * outside the callback, say where the callback is. */
static void add_caller(lua_State *L, HostFn ref, Err *err)
{
    const char *msg = err->msg;
    if (!has_position(msg) || strstr(msg, "(called from "))
        return;
    const char *colon = strchr(msg, ':');
    int line = atoi(colon + 1);
    lua_Debug ar;
    memset(&ar, 0, sizeof ar);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (!lua_getinfo(L, ">S", &ar) || ar.linedefined <= 0)
        return;
    if (strlen(ar.short_src) == (size_t)(colon - msg) &&
        strncmp(msg, ar.short_src, (size_t)(colon - msg)) == 0 && line >= ar.linedefined &&
        line <= ar.lastlinedefined)
        return;
    size_t len = strlen(msg);
    if (ar.linedefined == ar.lastlinedefined)
        snprintf(err->msg + len, sizeof err->msg - len, " (called from %s:%d)", ar.short_src,
                 ar.linedefined);
    else
        snprintf(err->msg + len, sizeof err->msg - len,
                 " (called from the function at %s:%d)", ar.short_src, ar.linedefined);
}

static int pcall_common(Script *sc, int nargs, int nres, long ticks, HostFn ref, Err *err)
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
    if (sc->exhausted && (status == LUA_ERRMEM || script_is_memory_error(L, -1)))
        /* memory refused after the budget ran out (see capped_alloc): the budget's error */
        err_set(err, "%s%s", where,
                watchdog_expired(sc) ? "ran for more than the wall-clock limit of a call"
                                     : "instruction budget exceeded (an endless loop?)");
    else if (status == LUA_ERRMEM)
        err_set(err, "%smemory limit of %zu MiB exceeded", where, sc->limits.memory >> 20);
    else if (lua_type(L, -1) == LUA_TSTRING && !script_is_memory_error(L, -1)) {
        err_set(err, "%s", collapse_positions(lua_tostring(L, -1)));
        if (ref)
            add_caller(L, ref, err);
    }
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

int script_pcall_fn(Script *sc, int nargs, int nres, long ticks, HostFn fn, Err *err)
{
    return pcall_common(sc, nargs, nres, ticks, fn, err);
}

static void add_site(Err *err, const HostCall *at)
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
    if (lua_type(L, -1) == LUA_TNUMBER && !script_of(L)->want_bool)
        lua_tolstring(L, -1, NULL);
    return 1;
}

void script_step(Script *sc)
{
    sc->step_left = sc->limits.step_budget;
}

/* Push fn and the view, run it with the game visible, one result on the stack on success. The
 * call gets the per-callback budget, or what is left of the step's if that is less. */
static int call(Script *sc, HostFn fn, Game *game, const HostCall *at, Err *err)
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

static int fail(Script *sc, const HostCall *at, Err *err, const char *what)
{
    /* Name the function's own definition, since it returned rather than raised. */
    err_set(err, "%s", what);
    lua_pop(sc->L, 1);
    add_site(err, at);
    return -1;
}

static void fn_where(Script *sc, HostFn fn, char *buf, size_t n)
{
    lua_Debug ar;
    lua_rawgeti(sc->L, LUA_REGISTRYINDEX, fn);
    if (lua_getinfo(sc->L, ">S", &ar))
        snprintf(buf, n, "%s:%d: ", ar.short_src, ar.linedefined);
    else
        buf[0] = '\0';
}

/* A `when` returned the non-boolean value on top: its description, with a hint. */
static void not_boolean(Script *sc, HostFn fn, const char *last_read, char *msg, size_t n)
{
    lua_State *L = sc->L;
    char where[300], value[64] = "";
    fn_where(sc, fn, where, sizeof where);
    int t = lua_type(L, -1);
    if (t == LUA_TNUMBER) {
        if (lua_isinteger(L, -1))
            snprintf(value, sizeof value, "%lld ", (long long)lua_tointeger(L, -1));
        else
            snprintf(value, sizeof value, "%g ", (double)lua_tonumber(L, -1));
    } else if (t == LUA_TSTRING && lua_rawlen(L, -1) <= 20) {
        snprintf(value, sizeof value, "\"%s\" ", lua_tostring(L, -1));
    }
    const char *what = t == LUA_TNUMBER ? "a number" : t == LUA_TSTRING ? "a string"
                       : t == LUA_TTABLE ? "a table" : t == LUA_TFUNCTION ? "a function"
                                                                          : luaL_typename(L, -1);
    if (t == LUA_TNUMBER && last_read)
        snprintf(msg, n, "%swhen returned %s(%s); in Lua 0 is true: did you mean g.%s > 0?",
                 where, value, what, last_read);
    else if (t == LUA_TNUMBER)
        snprintf(msg, n, "%swhen returned %s(%s); in Lua 0 is true: return a comparison "
                 "such as g.x > 0", where, value, what);
    else if (t == LUA_TSTRING && last_read)
        snprintf(msg, n, "%swhen returned %s(%s); in Lua every string is true, \"\" too: did "
                 "you mean g.%s ~= \"\"?", where, value, what, last_read);
    else
        snprintf(msg, n, "%swhen returned %s(%s), which Lua counts as true: return true or "
                 "false", where, value, what);
}

int script_call_bool(Script *sc, HostFn fn, Game *game, const HostCall *at, bool *out, Err *err)
{
    StoryUsage *u = sc->story ? sc->story->usage : NULL;
    sc->last_read = NULL;
    sc->want_bool = true; /* a number stays a number (see call_protected) */
    int rc = call(sc, fn, game, at, err);
    sc->want_bool = false;
    if (rc != 0)
        return -1;
    int t = lua_type(sc->L, -1);
    if (t != LUA_TBOOLEAN && t != LUA_TNIL && at && at->what && strcmp(at->what, "when") == 0) {
        char msg[700];
        not_boolean(sc, fn, sc->last_read, msg, sizeof msg);
        if (u) /* check: an error */
            return fail(sc, at, err, msg);
        if (!sc->warned_when) { /* play: once per story, for the author */
            sc->warned_when = true;
            Err w;
            err_set(&w, "%s", msg);
            add_site(&w, at);
            free(sc->warning);
            sc->warning = xstrdup(w.msg);
        }
    }
    *out = lua_toboolean(sc->L, -1);
    lua_pop(sc->L, 1);
    return 0;
}

int script_call_string(Script *sc, HostFn fn, Game *game, const HostCall *at, char **out, Err *err)
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

int script_call_effects(Script *sc, HostFn fn, Game *game, const HostCall *at, Effect **out,
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
        Effect one = {.index = idx, .kind = EFFECT_ADD};
        bool ok = false;
        if (lua_type(L, -1) == LUA_TSTRING) {
            ok = story_effect_parse(lua_tostring(L, -1), &one);
        } else if (to_int(L, -1, &d) && d >= -1000000 && d <= 1000000) {
            one.delta = (int)d;
            ok = true;
        }
        if (idx < 0 || !ok) {
            if (idx < 0)
                snprintf(msg, sizeof msg, "%seffects function returned unknown stat '%s'", where,
                         k ? k : "?");
            else
                snprintf(msg, sizeof msg, "%seffects function: '%s' must be an integer change, "
                         "\"=N\" or \"+P%%\" / \"-P%%\"", where, k);
            lua_pop(L, 2);
            story_free_effects(*out, *n);
            *out = NULL;
            *n = 0;
            return fail(sc, at, err, msg);
        }
        util_grow(out, &cap, *n + 1, sizeof **out);
        (*out)[*n] = one;
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

int script_call_set(Script *sc, HostFn fn, Game *game, const HostCall *at, FlagSet **out, size_t *n,
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
            story_free_sets(*out, *n);
            *out = NULL;
            *n = 0;
            return fail(sc, at, err, msg);
        }
        if (sc->story->usage)
            sc->story->usage->flag_set[idx] = 1;
        util_grow(out, &cap, *n + 1, sizeof **out);
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

char *script_take_warning(Script *sc)
{
    char *w = sc->warning;
    sc->warning = NULL;
    return w;
}
