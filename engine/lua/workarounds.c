/* workarounds.c: the sandbox's defences against the known bugs of Lua 5.4.4 that a story's
 * script can reach.
 *
 * Debian 12 ships Lua 5.4.4 (liblua5.4-0 5.4.4-3+deb12u1), patched only for CVE-2022-28805
 * and CVE-2022-33099. Every bug fixed upstream since 5.4.4 was checked against the sandbox
 * (scenarios/README.md, "Lua 5.4.4's known bugs", has the whole list with the verdicts). The
 * ones a script can reach and that can crash Ladder, corrupt its memory or hang it are closed
 * off here, by wrapping library functions in the sandbox's globals, each wrapper citing the
 * upstream commit it works around:
 *
 *   1e64c139  C-stack overflow through nested coroutine.close:  coroutine.close wrapped
 *   603b2c64  luaV_concat uses a stale stack pointer after a __concat metamethod (Debian's
 *             patch for CVE-2022-33099 is upstream 42d40581, which brought this bug in):
 *             no metatable can hold __concat (setmetatable, getmetatable, rawset wrapped)
 *   983bc433  use after free in luaV_finishset when a weak metatable holds the only reference
 *             to its __newindex table: no metatable can have a metatable of its own (the same
 *             wrappers)
 *   efddc230  a string.gmatch iterator that raised an error recurses without limit next time:
 *             string.gmatch wrapped
 *   7923dbbf  an error in an expression with a very long chain of table accesses recurses in
 *             C once per access (a crash, and quadratic time): load wrapped, and
 *             workarounds_check_chunk for the loader's own chunks
 *
 * Nothing here runs script code outside the instruction hook, and no wrapper turns an error
 * into a return value: errors raised inside the wrapped functions (a spent budget, memory)
 * go on up as they are. workarounds_install runs once the sandbox's globals are in place
 * (open_sandbox, under lua_pcall), and wraps whatever those globals are at that point. */
#include "lua/internal.h"
#include "lua/workarounds.h"

#include <lualib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

/* ---------------------------------------------------------------------------------------- */
/* 1e64c139: C-stack overflow with nesting of coroutine.close                                 */
/* ---------------------------------------------------------------------------------------- */

/* Lua counts nested C calls per coroutine to stop C recursion at LUAI_MAXCCALLS (200), and
 * lua_resume carries the count over from the caller. Lua 5.4.4's lua_resetthread, which
 * coroutine.close uses to run the __close handlers of a suspended or dead coroutine, does
 * not: the handlers run with the count the coroutine had when it was last resumed, maybe long
 * ago from a shallow place. A handler that closes another coroutine whose handler closes
 * another... recurses in C without limit (the shared reproducer chains 20000 of them), and
 * each handler can also nest up to ~200 C levels of its own (pcall, gsub callbacks, resumes)
 * before closing the next: 30 closes deep with 180 gsub levels in each crash plain Lua 5.4.4.
 * So two limits: the number of coroutine.close calls in progress, and the C stack used since
 * the sandbox was built, checked at each coroutine.close (between two of them Lua's own count
 * holds, so the stack can only grow by one segment of ~200 C levels, about 0.4 MiB, past the
 * check). Resets that follow a resume (coroutine.wrap's functions when their coroutine fails)
 * get a fresh count from lua_resume and need nothing. */
#define CLOSE_DEPTH_MAX 50
/* C stack the nesting may use: a quarter of the stack limit, at most this much */
#define CSTACK_MAX (2u << 20)
#define CSTACK_MIN (256u << 10)
/* further apart than this, two addresses are not on the same stack */
#define FOREIGN_STACK ((uintptr_t)1 << 30)

#if defined(__GNUC__) || defined(__clang__)
#define FRAME_ADDRESS() ((uintptr_t)__builtin_frame_address(0))
#else
#define FRAME_ADDRESS() ((uintptr_t)&L)
#endif

typedef struct CloseNest {
    uintptr_t base;       /* C stack address where the sandbox was built */
    size_t cstack_max;    /* bytes of C stack below base that a coroutine.close may start at */
    int n;                /* coroutine.close calls in progress, outermost first */
    uintptr_t frames[CLOSE_DEPTH_MAX];
} CloseNest;

/* How much C stack the nesting may use: a quarter of the main thread's stack limit, capped at
 * CSTACK_MAX (Lua's own 200 levels take well under 0.5 MiB). */
static size_t cstack_budget(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
        rl.rlim_cur / 4 >= CSTACK_MAX)
        return CSTACK_MAX;
    return rl.rlim_cur / 4 > CSTACK_MIN ? (size_t)(rl.rlim_cur / 4) : CSTACK_MIN;
}

/* coroutine.close(co), wrapped (upvalue 1: the function wrapped, upvalue 2: the CloseNest).
 * Refuses to start when CLOSE_DEPTH_MAX closes are already in progress or when the C stack is
 * already deep; otherwise runs the original under lua_pcall, so the count goes down again
 * even when it raises, and raises its error again as it is. Works around 1e64c139. */
static int wa_close(lua_State *L)
{
    CloseNest *cn = lua_touserdata(L, lua_upvalueindex(2));
    uintptr_t here = FRAME_ADDRESS();
    /* an entry at or below this frame belongs to a call that is gone (unwound past us) */
    while (cn->n > 0 && cn->frames[cn->n - 1] <= here)
        cn->n--;
    size_t used = 0;
    if (cn->base > here && cn->base - here < FOREIGN_STACK)
        used = (size_t)(cn->base - here);
    if (cn->n >= CLOSE_DEPTH_MAX || used > cn->cstack_max)
        return luaL_error(L, "coroutine.close nested too deeply (a __close handler closes a "
                             "coroutine whose handler closes another, %d deep): Lua 5.4.4 "
                             "would overflow the C stack here",
                          cn->n);
    cn->frames[cn->n++] = here;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    while (cn->n > 0 && cn->frames[cn->n - 1] <= here)
        cn->n--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* ---------------------------------------------------------------------------------------- */
/* 603b2c64 and 983bc433: metatables                                                         */
/* ---------------------------------------------------------------------------------------- */

/* 603b2c64: Debian's fix for CVE-2022-33099 is upstream 42d40581, which made luaV_concat
 * keep a pointer into the Lua stack across the call of a __concat metamethod. When the
 * metamethod grows the stack (a deep call is enough) or a collection shrinks it, the pointer
 * dangles: "a" .. t .. "b" with such a __concat reads and writes freed memory (a crash in
 * plain lua5.4 and in Ladder alike). Lua looks __concat up in the operands' metatables with a
 * raw read, at the moment of the concatenation, so checking it in setmetatable is not enough:
 * a script can add it to the metatable afterwards. Every table that becomes a metatable
 * therefore gets a metatable of its own, the guard, whose __newindex refuses __concat; rawset
 * refuses it on guarded tables; setmetatable refuses a metatable that already holds it.
 *
 * For the guard to stay in place, a table used as a metatable cannot be given another
 * metatable, and a table that has a metatable cannot become one. That also closes 983bc433:
 * a metatable with weak values (its own metatable has __mode) that holds the only reference
 * to its __newindex table lets an emergency collection free that table while luaV_finishset
 * inserts into it (an assignment that grows it at the memory cap; a double free in Ladder).
 *
 * getmetatable hides the guard: it answers nil for a guarded table, as it would without it.
 * The string metatable and the engine's are protected by __metatable, so scripts cannot add
 * __concat to them. */

static const char CONCAT_REFUSED[] =
    "__concat metamethods are not allowed in scenarios (Lua 5.4.4 corrupts its stack after "
    "one runs)";

/* True if the value at idx is the string "__concat". */
static bool is_concat_key(lua_State *L, int idx)
{
    size_t len;
    if (lua_type(L, idx) != LUA_TSTRING)
        return false;
    const char *s = lua_tolstring(L, idx, &len);
    return len == 8 && memcmp(s, "__concat", 8) == 0;
}

/* True if the value at idx is a table whose metatable is the guard (at guard_idx). */
static bool is_guarded(lua_State *L, int idx, int guard_idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return false;
    bool g = lua_rawequal(L, -1, guard_idx);
    lua_pop(L, 1);
    return g;
}

/* The guard's __newindex: t[k] = v for a key t does not have yet, as a raw set, except that
 * __concat is refused. Works around 603b2c64. */
static int wa_guard_newindex(lua_State *L)
{
    if (is_concat_key(L, 2) && !lua_isnil(L, 3))
        return luaL_error(L, "%s", CONCAT_REFUSED);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

/* setmetatable(t, mt), wrapped (upvalue 1: the function wrapped, upvalue 2: the guard): the
 * rules above, then the original, then the guard on mt. Works around 603b2c64 and 983bc433. */
static int wa_setmetatable(lua_State *L)
{
    int guard = lua_upvalueindex(2);
    int mt_type = lua_type(L, 2);
    if (is_guarded(L, 1, guard)) {
        if (mt_type == LUA_TNIL) { /* it has no metatable a script can see: nothing to remove */
            lua_settop(L, 1);
            return 1;
        }
        if (mt_type == LUA_TTABLE)
            return luaL_error(L, "setmetatable: this table is the metatable of another table, "
                                 "and a metatable cannot have a metatable of its own in "
                                 "scenarios (Lua 5.4.4 bugs; see scenarios/README.md)");
    }
    if (mt_type == LUA_TTABLE) {
        if (lua_rawequal(L, 1, 2))
            return luaL_error(L, "setmetatable: a table cannot be its own metatable in "
                                 "scenarios (Lua 5.4.4 bugs; see scenarios/README.md)");
        lua_pushliteral(L, "__concat");
        bool has_concat = lua_rawget(L, 2) != LUA_TNIL;
        lua_pop(L, 1);
        if (has_concat)
            return luaL_error(L, "%s", CONCAT_REFUSED);
        if (lua_getmetatable(L, 2)) {
            bool guarded = lua_rawequal(L, -1, guard);
            lua_pop(L, 1);
            if (!guarded)
                return luaL_error(L, "setmetatable: a table that has a metatable cannot be "
                                     "used as a metatable in scenarios (Lua 5.4.4 bugs; see "
                                     "scenarios/README.md)");
        }
    }
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    for (int i = 1; i <= n; i++)
        lua_pushvalue(L, i);
    lua_call(L, n, 1);
    if (mt_type == LUA_TTABLE) {
        if (lua_getmetatable(L, 2)) {
            lua_pop(L, 1);
        } else {
            lua_pushvalue(L, guard);
            lua_setmetatable(L, 2);
        }
    }
    return 1;
}

/* getmetatable(x), wrapped (upvalue 1: the function wrapped, upvalue 2: the guard): nil for a
 * table whose metatable is the guard, as if it had none. Part of the 603b2c64 workaround. */
static int wa_getmetatable(lua_State *L)
{
    if (is_guarded(L, 1, lua_upvalueindex(2))) {
        lua_pushnil(L);
        return 1;
    }
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* rawset(t, k, v), wrapped (upvalue 1: the function wrapped, upvalue 2: the guard): refuses
 * __concat on a table used as a metatable, which the guard's __newindex cannot see. Part of
 * the 603b2c64 workaround. */
static int wa_rawset(lua_State *L)
{
    if (is_concat_key(L, 2) && !lua_isnoneornil(L, 3) && is_guarded(L, 1, lua_upvalueindex(2)))
        return luaL_error(L, "%s", CONCAT_REFUSED);
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

/* ---------------------------------------------------------------------------------------- */
/* efddc230: a gmatch iterator after an error                                                */
/* ---------------------------------------------------------------------------------------- */

/* string.gmatch keeps its matcher's state between calls, and Lua 5.4.4 sets the recursion
 * limit of that state (matchdepth, 200) only when the iterator is made. An error in the middle
 * of a match ("pattern too complex", or the budget running out) leaves it used up, at -1 after
 * "pattern too complex", and the next call of the same iterator then recurses without limit:
 * gmatch("x", ("x-"):rep(300000)) raises once, then overflows the C stack. (pattern.c, the
 * sandbox's priced copy of the matcher, has the same code.) The wrapper's iterator refuses to
 * run again once the iterator it wraps has raised. */

/* The iterator (upvalue 1: the iterator wrapped, upvalue 2: true once it has raised). It is
 * marked as failed before the call and unmarked after it, so an error leaves the mark without
 * a pcall per match. Works around efddc230. */
static int wa_gmatch_iter(lua_State *L)
{
    if (lua_toboolean(L, lua_upvalueindex(2)))
        return luaL_error(L, "string.gmatch: this iterator stopped with an error and cannot be "
                             "used again (Lua 5.4.4 would recurse without limit)");
    lua_pushboolean(L, 1);
    lua_replace(L, lua_upvalueindex(2));
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    lua_pushboolean(L, 0);
    lua_replace(L, lua_upvalueindex(2));
    return lua_gettop(L);
}

/* string.gmatch(s, pattern [, init]), wrapped (upvalue 1: the function wrapped): the same
 * iterator, behind wa_gmatch_iter. Works around efddc230. */
static int wa_gmatch(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, 1);
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, wa_gmatch_iter, 2);
    return 1;
}

/* ---------------------------------------------------------------------------------------- */
/* 7923dbbf: recursion in getobjname                                                          */
/* ---------------------------------------------------------------------------------------- */

/* To name the variable in an error message ("attempt to index a nil value (field 'x')"),
 * Lua 5.4.4's getobjname follows the instruction that set the register back to the table it
 * was read from, recursively, and for each step scans the function's code from its start. So
 * an error at the end of t.a.a.a....a (150000 times; a table whose field a is itself) recurses
 * 150000 times in C and overflows the stack, after minutes of scanning; the same holds for any
 * library function that names its caller's argument ("bad argument #1 to 'x'"). Such a chain
 * can only be written out in the source, so the chunk is checked once it is compiled: the
 * longest chain getobjname could follow, for every instruction of every function, must stay
 * within CHAIN_MAX. The check reads the chunk's bytecode (lua_dump, 5.4's format) and follows
 * registers the way 5.4.4's findsetreg does, linearly (jumps can only shorten the real chain),
 * stopping at named locals as getobjname does. */
#define CHAIN_MAX 100

/* Lua 5.4.4's opcodes that the check needs (lopcodes.h; the same numbers in all of 5.4) */
enum {
    OPC_MOVE = 0, OPC_LOADNIL = 8, OPC_GETTABLE = 12, OPC_GETFIELD = 14, OPC_SELF = 20,
    OPC_JMP = 56, OPC_CALL = 68, OPC_TAILCALL = 69, OPC_TFORCALL = 76, OPC_NUMBER = 83
};

/* Whether each opcode sets its register A (testAMode in lopcodes.c of 5.4.4) */
static const unsigned char SETS_A[OPC_NUMBER] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* MOVE .. GETUPVAL */
    0, 1, 1, 1, 1, 0, 0, 0, 0, 1, /* SETUPVAL .. NEWTABLE */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* SELF .. BANDK */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* BORK .. DIV */
    1, 1, 1, 1, 1, 1, 0, 0, 0, 1, /* IDIV .. UNM */
    1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* BNOT .. LE */
    0, 0, 0, 0, 0, 0, 0, 1, 1, 1, /* EQK .. TAILCALL */
    0, 0, 0, 1, 1, 0, 0, 1, 0, 1, /* RETURN .. CLOSURE */
    1, 1, 0                       /* VARARG, VARARGPREP, EXTRAARG */
};

/* A cursor over a dump; bad is set at the first thing that does not parse. */
typedef struct Dump {
    const unsigned char *p, *end;
    bool bad;
} Dump;

static unsigned rd_byte(Dump *d)
{
    if (d->p >= d->end) {
        d->bad = true;
        return 0;
    }
    return *d->p++;
}

/* dumpSize's format: 7 bits a byte, most significant first, the last byte marked by 0x80 */
static size_t rd_size(Dump *d)
{
    size_t x = 0;
    for (int i = 0; i < 10 && !d->bad; i++) {
        unsigned b = rd_byte(d);
        x = (x << 7) | (b & 0x7f);
        if (b & 0x80)
            return x;
    }
    d->bad = true;
    return 0;
}

static void rd_skip(Dump *d, size_t n)
{
    if (d->bad || n > (size_t)(d->end - d->p)) {
        d->bad = true;
        return;
    }
    d->p += n;
}

/* A count of items that take at least min_bytes each: larger than what is left is damage. */
static size_t rd_count(Dump *d, size_t min_bytes)
{
    size_t n = rd_size(d);
    if (!d->bad && n > (size_t)(d->end - d->p) / min_bytes)
        d->bad = true;
    return d->bad ? 0 : n;
}

static void rd_string(Dump *d)
{
    size_t n = rd_size(d);
    if (n > 0)
        rd_skip(d, n - 1);
}

/* The result of a check: the first place a chain passes CHAIN_MAX. */
typedef struct Chain {
    bool found;
    int line; /* -1: the chunk has no line information */
} Chain;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The source line of instruction pc, as luaG_getfuncline computes it (ldebug.c of 5.4.4). */
static int line_of(int pc, int linedefined, const unsigned char *lineinfo, size_t nlineinfo,
                   Dump abs, size_t nabs)
{
    if (nlineinfo == 0 || (size_t)pc >= nlineinfo)
        return -1;
    int basepc = -1, line = linedefined;
    for (size_t i = 0; i < nabs && !abs.bad; i++) {
        size_t apc = rd_size(&abs), aline = rd_size(&abs);
        if (apc > (size_t)pc)
            break;
        basepc = (int)apc;
        line = (int)aline;
    }
    while (basepc++ < pc)
        line += (signed char)lineinfo[basepc];
    return line;
}

/* Follow the registers of one function (its code at code, ncode instructions) as described
 * above. locs is its list of local variables in the dump, nloc of them. */
static void check_code(lua_State *L, const unsigned char *code, size_t ncode, Dump locs,
                       size_t nloc, int *pc_found)
{
    /* active locals at pc: those started minus those ended (locvars are in start order) */
    int *starts = lua_newuserdatauv(L, 2 * (nloc ? nloc : 1) * sizeof(int), 0);
    int *ends = starts + nloc;
    for (size_t i = 0; i < nloc; i++) {
        rd_string(&locs);
        starts[i] = (int)rd_size(&locs);
        ends[i] = (int)rd_size(&locs);
    }
    qsort(ends, nloc, sizeof(int), cmp_int);
    int chain[256] = {0}; /* per register: how far getobjname would follow its last setter */
    size_t si = 0, ei = 0;
    for (size_t pc = 0; pc < ncode; pc++) {
        while (si < nloc && starts[si] <= (int)pc)
            si++;
        while (ei < nloc && ends[ei] <= (int)pc)
            ei++;
        int nactive = (int)si - (int)ei;
        uint32_t i;
        memcpy(&i, code + 4 * pc, 4);
        int op = (int)(i & 0x7f), a = (int)((i >> 7) & 0xff), k = (int)((i >> 15) & 1);
        int b = (int)((i >> 16) & 0xff), c = (int)((i >> 24) & 0xff);
        int cb = b < nactive ? 0 : chain[b], cc = c < nactive ? 0 : chain[c];
        int v = 0;
        switch (op) {
        case OPC_MOVE: v = b < a ? 1 + cb : 0; break;
        case OPC_GETTABLE: v = 1 + (cb > cc ? cb : cc); break;
        case OPC_GETFIELD: v = 1 + cb; break;
        case OPC_SELF: v = k ? 0 : 1 + cc; break;
        case OPC_LOADNIL:
            for (int r = a; r <= a + b && r < 256; r++)
                chain[r] = 0;
            continue;
        case OPC_CALL:
        case OPC_TAILCALL:
        case OPC_TFORCALL:
            for (int r = op == OPC_TFORCALL ? a + 2 : a; r < 256; r++)
                chain[r] = 0;
            continue;
        case OPC_JMP: continue;
        default:
            if (op < OPC_NUMBER && SETS_A[op])
                chain[a] = 0;
            continue;
        }
        chain[a] = v;
        if (v > CHAIN_MAX) {
            *pc_found = (int)pc;
            break;
        }
    }
    lua_pop(L, 1); /* starts and ends */
}

/* Check one function of the dump and, first, the functions inside it (they come before its
 * debug information). Returns at the first chain past CHAIN_MAX. */
static void check_function(lua_State *L, Dump *d, int depth, Chain *out)
{
    if (depth > 250) { /* deeper than the parser allows: not a dump of ours */
        d->bad = true;
        return;
    }
    rd_string(d); /* source */
    int linedefined = (int)rd_size(d);
    rd_size(d);  /* lastlinedefined */
    rd_skip(d, 3); /* numparams, is_vararg, maxstacksize */
    size_t ncode = rd_count(d, 4);
    const unsigned char *code = d->p;
    rd_skip(d, 4 * ncode);
    size_t nk = rd_count(d, 1);
    for (size_t i = 0; i < nk && !d->bad; i++) {
        switch (rd_byte(d)) {
        case 0x03: case 0x13: rd_skip(d, 8); break; /* integer, float */
        case 0x04: case 0x14: rd_string(d); break;  /* short, long string */
        case 0x00: case 0x01: case 0x11: break;     /* nil, false, true */
        default: d->bad = true;
        }
    }
    rd_skip(d, 3 * rd_count(d, 3)); /* upvalues */
    size_t np = rd_count(d, 1);
    for (size_t i = 0; i < np && !d->bad && !out->found; i++)
        check_function(L, d, depth + 1, out);
    if (d->bad || out->found)
        return;
    size_t nlineinfo = rd_count(d, 1);
    const unsigned char *lineinfo = d->p;
    rd_skip(d, nlineinfo);
    size_t nabs = rd_count(d, 2);
    Dump abs = *d;
    for (size_t i = 0; i < 2 * nabs && !d->bad; i++)
        rd_size(d);
    size_t nloc = rd_count(d, 3);
    Dump locs = *d;
    for (size_t i = 0; i < nloc && !d->bad; i++) {
        rd_string(d);
        rd_size(d);
        rd_size(d);
    }
    size_t nupnames = rd_count(d, 1);
    for (size_t i = 0; i < nupnames && !d->bad; i++)
        rd_string(d);
    if (d->bad)
        return;
    int pc = -1;
    check_code(L, code, ncode, locs, nloc, &pc);
    if (pc >= 0) {
        out->found = true;
        out->line = line_of(pc, linedefined, lineinfo, nlineinfo, abs, nabs);
    }
}

typedef struct DumpBuffer {
    bool started;
    luaL_Buffer b;
} DumpBuffer;

/* lua_dump's writer: the dump, piece by piece, into a buffer started on the first piece (as
 * string.dump does: the buffer's box must sit right above the function being dumped). */
static int dump_writer(lua_State *L, const void *p, size_t size, void *ud)
{
    DumpBuffer *db = ud;
    if (!db->started) {
        db->started = true;
        luaL_buffinit(L, &db->b);
    }
    luaL_addlstring(&db->b, p, size);
    return 0;
}

/* Check the Lua function at idx. Returns true if it passes (or is not a Lua function, or its
 * dump is not in the format this reads, so there is nothing to check); else pushes the error
 * message and returns false. Works around 7923dbbf. */
static bool chain_check(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) != LUA_TFUNCTION || lua_iscfunction(L, idx))
        return true;
    int top = lua_gettop(L);
    lua_pushvalue(L, idx);
    DumpBuffer db = {.started = false};
    if (lua_dump(L, dump_writer, &db, 0) != 0 || !db.started) {
        lua_settop(L, top);
        return true;
    }
    luaL_pushresult(&db.b);
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    Dump d = {(const unsigned char *)s, (const unsigned char *)s + len, false};
    /* the header: signature, version 5.4, format 0, LUAC_DATA, then the sizes of Instruction,
     * lua_Integer and lua_Number and the two check numbers */
    static const char head[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08";
    Chain out = {false, -1};
    if (len > 32 && memcmp(s, head, sizeof head - 1) == 0) {
        rd_skip(&d, 31 + 1); /* header, then the main function's number of upvalues */
        check_function(L, &d, 0, &out);
    }
    lua_settop(L, top);
    if (!out.found)
        return true;
    lua_Debug ar;
    lua_pushvalue(L, idx);
    lua_getinfo(L, ">S", &ar);
    if (out.line > 0)
        lua_pushfstring(L, "%s:%d: ", ar.short_src, out.line);
    else
        lua_pushfstring(L, "%s: ", ar.short_src);
    lua_pushfstring(L, "more than %d table accesses in a row in one expression (Lua 5.4.4 "
                       "could crash reporting an error in it; use a local variable on the way)",
                    CHAIN_MAX);
    lua_concat(L, 2);
    return false;
}

int workarounds_check_chunk(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    if (!chain_check(L, 1))
        return lua_error(L);
    return 0;
}

/* load(chunk, ...), wrapped (upvalue 1: the function wrapped): a chunk that compiles but
 * fails the check above is returned as load returns a syntax error, nil and the message.
 * Works around 7923dbbf. */
static int wa_load(lua_State *L)
{
    int n = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    if (lua_type(L, 1) == LUA_TFUNCTION && !chain_check(L, 1)) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L);
}

/* ---------------------------------------------------------------------------------------- */

/* Replace table[name] (a global when table is NULL) with a C closure of f whose upvalues are
 * the value there and, when extra is not 0, the value at index extra. */
static void wrap(lua_State *L, const char *table, const char *name, lua_CFunction f, int extra)
{
    extra = extra ? lua_absindex(L, extra) : 0;
    if (table)
        lua_getglobal(L, table);
    else
        lua_pushglobaltable(L);
    lua_getfield(L, -1, name);
    if (extra)
        lua_pushvalue(L, extra);
    lua_pushcclosure(L, f, extra ? 2 : 1);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
}

void workarounds_install(lua_State *L)
{
    CloseNest *cn = lua_newuserdatauv(L, sizeof *cn, 0);
    memset(cn, 0, sizeof *cn);
    cn->base = FRAME_ADDRESS();
    cn->cstack_max = cstack_budget();
    wrap(L, LUA_COLIBNAME, "close", wa_close, -1);
    lua_pop(L, 1);

    lua_createtable(L, 0, 1); /* the guard of metatables */
    lua_pushcfunction(L, wa_guard_newindex);
    lua_setfield(L, -2, "__newindex");
    wrap(L, NULL, "setmetatable", wa_setmetatable, -1);
    wrap(L, NULL, "getmetatable", wa_getmetatable, -1);
    wrap(L, NULL, "rawset", wa_rawset, -1);
    lua_pop(L, 1);

    wrap(L, LUA_STRLIBNAME, "gmatch", wa_gmatch, 0);
    wrap(L, NULL, "load", wa_load, 0);
}
