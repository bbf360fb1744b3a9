/* workshop.c: `ladder workshop`, room mode for a facilitator: the options, the room, the front
 * end that runs it (any with UI_CAP_ROOM: the terminal's is ui/term/room.c, the window's in
 * ui/sdl/), and the debrief written when the room ends. */
#define _DEFAULT_SOURCE /* realpath */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "core/room.h"
#include "core/session.h"
#include "core/utf8.h"
#include "out/debrief.h"
#include "tools/serve/phones.h"
#include "tools/tools.h"
#include "ui/leave.h"
#include "ui/registry.h"

const char tool_workshop_usage[] =
    "Usage: ladder workshop STORY [--session CODE] [--timer SECONDS] [--hide-numbers]\n"
    "                             [--participants N] [--player NAME]\n"
    "                             [--out DIR] [--ui NAME] [--continue]\n"
    "       ladder workshop STORY --phones [--lan] [--listen ADDR:PORT] [--session CODE]\n"
    "                             [--timer SECONDS] [--out DIR] [--continue]\n"
    "\n"
    "Room mode: play STORY in front of a room. At each decision the room discusses the\n"
    "scene's question; type the room's votes for each option (\"4 2 0\") or \"pick N\". The\n"
    "option with most votes is taken; you break ties. \"rewind N\" goes back to decision N to\n"
    "play the road not taken (both roads stay in the record). At the end the debrief is shown\n"
    "and written to DIR (default: the current folder) as Markdown and HTML, with the\n"
    "participants' handout to print beside it (A4 or Letter). Every decision\n"
    "and rewind is journaled in DIR as it happens: after a crash, a kill or a closed lid,\n"
    "the same command with --continue resumes the room where it was, votes and all.\n"
    "\n"
    "  --session CODE    the session's code: the seed participants with the same code play\n"
    "  --timer SECONDS   announce a discussion time at each decision\n"
    "  --hide-numbers    show which stats rose or fell, not by how much\n"
    "  --out DIR         where to write the debrief and the room's journal\n"
    "  --continue        resume the last room of STORY (and CODE) journaled in DIR\n"
    "  --participants N  how many are in the room: a vote total far above it is\n"
    "                    questioned (without it, the first vote's total is the room's size)\n"
    "  --player NAME     the name the story calls the player (default: none, and the\n"
    "                    story leaves it out)\n"
    "  --phones          the room votes on its own phones: a web server shows the\n"
    "                    projector page, the presenter page (every control, with a token)\n"
    "                    and the phones' page, which participants open with a room code\n"
    "  --lan             (phones) listen on every network interface, for the room's phones\n"
    "  --listen ADDR:PORT  (phones) the address and port (default 127.0.0.1:8080 or the\n"
    "                    next free port)\n"
    "  --ui NAME         {ui-room}. sdl: fullscreen for a projector (the default with a\n"
    "                    display); term: the terminal. In the window, number keys count votes\n"
    "                    (Shift takes one back), Enter takes the room's choice, a click\n"
    "                    on an option picks it, T starts the timer, R rewinds.\n"
    "  -h, --help        show this help and exit\n";

int tool_workshop(int argc, char **argv)
{
    static const struct option opts[] = {{"ui", required_argument, NULL, 'u'},
                                         {"screenshot", required_argument, NULL, 'S'},
                                         {"frames", required_argument, NULL, 'f'},
                                         {"session", required_argument, NULL, 'c'},
                                         {"timer", required_argument, NULL, 't'},
                                         {"hide-numbers", no_argument, NULL, 'n'},
                                         {"out", required_argument, NULL, 'o'},
                                         {"continue", no_argument, NULL, 'C'},
                                         {"player", required_argument, NULL, 'p'},
                                         {"participants", required_argument, NULL, 'N'},
                                         {"phones", no_argument, NULL, 'P'},
                                         {"lan", no_argument, NULL, 'L'},
                                         {"listen", required_argument, NULL, 'l'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *code = NULL, *out_dir = ".", *player = NULL;
    int participants = 0;
    bool resume = false;
    PhonesOptions phones = {0};
    bool use_phones = false;
    const Frontend *fe = NULL;
    UiConfig cfg = ui_config_default();
    long v;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'u':
            fe = ui_find(optarg, UI_CAP_ROOM);
            if (!fe)
                return tools_unknown_ui("workshop", optarg, UI_CAP_ROOM, "the workshop");
            break;
        case 'S':
            cfg.window.screenshot = optarg;
            fe = fe ? fe : ui_first(UI_CAP_ROOM | UI_CAP_WINDOW);
            break;
        case 'f':
            if (!tools_parse_count(optarg, 1, INT_MAX, &v))
                return tools_usage_error("workshop", "--frames takes a count from 1, not '%s'",
                                         optarg);
            cfg.window.frames = (int)v;
            fe = fe ? fe : ui_first(UI_CAP_ROOM | UI_CAP_WINDOW);
            break;
        case 'c': code = optarg; break;
        case 't':
            if (!tools_parse_count(optarg, 1, 3600, &v))
                return tools_usage_error("workshop", "--timer takes seconds from 1 to 3600, not "
                                                     "'%s'", optarg);
            cfg.room.timer = (int)v;
            break;
        case 'n': cfg.room.hide_numbers = true; break;
        case 'o': out_dir = optarg; break;
        case 'C': resume = true; break;
        case 'p': player = optarg; break;
        case 'N':
            if (!tools_parse_count(optarg, 1, 100000, &v))
                return tools_usage_error("workshop", "--participants takes a count from 1 to "
                                                     "100000, not '%s'", optarg);
            participants = (int)v;
            break;
        case 'P': use_phones = true; break;
        case 'L': phones.lan = true; break;
        case 'l': phones.listen = optarg; break;
        case 'h': tools_print_usage(tool_workshop_usage); return TOOLS_EXIT_OK;
        default: return tools_usage_error("workshop", "%s", "invalid option");
        }
    }
    if (optind + 1 != argc)
        return tools_usage_error("workshop", "%s", "workshop needs one STORY");
    if (!use_phones && (phones.lan || phones.listen))
        return tools_usage_error("workshop", "%s", "--lan and --listen go with --phones");
    if (use_phones && fe)
        return tools_usage_error("workshop", "%s", "--phones runs the room in browsers: leave "
                                                   "out --ui, --frames and --screenshot");
    phones.timer = cfg.room.timer;
    Err err;
    Story *s = catalog_open(argv[optind], &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder: the story cannot be loaded:\n%s\n", err.msg);
        return TOOLS_EXIT_FAILED;
    }
    SessionOptions so = {.seed_given = code != NULL,
                         .seed = code ? session_seed_for_code(code) : 0,
                         /* no name unless the facilitator gives one: g.named is false and
                          * the stories leave out their vocative (issue 17's second review) */
                         .player = player,
                         /* the room's record is its journal: no autosave to set aside at each
                          * --continue, and the room adds nothing to anyone's endings gallery */
                         .no_autosave = true};
    Session *session = NULL;
    Room *room = NULL;
    if (resume) {
        char *path = room_journal_find(out_dir, s->id, code);
        if (!path) {
            utf8_fprintf(stderr, "ladder: there is no room of '%s'%s%s to continue in %s (its "
                                 "journal, workshop-%s-...journal); start one without "
                                 "--continue\n", s->id, code ? " with session " : "",
                         code ? code : "", out_dir, s->id);
            story_free(s);
            return TOOLS_EXIT_FAILED;
        }
        story_free(s);
        room = room_continue(path, &so, &session, &err);
        if (!room) {
            utf8_fprintf(stderr, "ladder: the room cannot be continued: %s\n", err.msg);
            free(path);
            return TOOLS_EXIT_FAILED;
        }
        printf("Continuing the room from %s, at decision %zu with every vote so far.\n", path,
               room_decision_count(room) + 1);
        free(path);
    } else {
        session = session_open(s, &so, &err);
        if (!session) {
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
            return TOOLS_EXIT_FAILED;
        }
        room = room_new(session, code, out_dir);
        /* the story as it can be loaded again from anywhere: a path made absolute */
        char *ref = realpath(argv[optind], NULL);
        if (room_journal_start(room, ref ? ref : argv[optind],
                               game_seed(session_game(session)), &err) != 0)
            utf8_fprintf(stderr, "ladder: the room is not journaled (a crash would lose its "
                                 "votes): %s\n", err.msg);
        else if (!use_phones) /* the phones' server says it with its addresses */
            printf("Every decision is journaled in %s: after a crash, the same command with "
                   "--continue resumes the room.\n", room_journal_path(room));
        free(ref);
    }
    room_set_participants(room, participants);
    if (use_phones) {
        int prc = phones_run(room, &phones, &err);
        if (prc != 0)
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        if (room_decision_count(room) > 0) {
            if (debrief_write(room, NULL, NULL, &err) == 0)
                debrief_tell(stdout, room);
            else
                utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        }
        room_free(room);
        session_free(session);
        return prc == 0 ? TOOLS_EXIT_OK : TOOLS_EXIT_FAILED;
    }
    if (fe && !ui_available(fe, &err)) { /* the window was asked for and cannot open */
        utf8_fprintf(stderr, "ladder: %s\n", err.msg);
        room_free(room);
        session_free(session);
        return TOOLS_EXIT_FAILED;
    }
    if (!fe)
        fe = ui_default(UI_CAP_ROOM, &err);
    ui_install_leave(fe, &cfg);
    UiExit e = fe->room(room, &cfg);
    if (room_decision_count(room) > 0) {
        if (debrief_write(room, NULL, NULL, &err) == 0)
            debrief_tell(stdout, room);
        else
            utf8_fprintf(stderr, "ladder: %s\n", err.msg);
    }
    if (fe->shutdown)
        fe->shutdown();
    room_free(room);
    session_free(session);
    return leave_status(ui_exit_status(e));
}
