/* serve.c: `ladder serve`, the web front end's server (serve.h): options, the stories offered,
 * the state folder (players' records and games, the facilitator's token), the addresses and
 * QR code printed, and a clean stop on Ctrl-C. */
#define _DEFAULT_SOURCE /* getifaddrs' IFF_UP and IFF_LOOPBACK (net/if.h) */
#include "tools/serve/serve.h"

#include <arpa/inet.h>
#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "core/catalog.h"
#include "core/paths.h"
#include "core/utf8.h"
#include "tools/tools.h"

const char tool_serve_usage[] =
    "Usage: ladder serve [STORY...] [--listen ADDR:PORT] [--lan] [--session CODE --results DIR]\n"
    "\n"
    "Serve stories to web browsers: anyone who opens the address printed plays in their\n"
    "browser, and the facilitator's page (its address, with a token, is printed too) shows\n"
    "who plays where, live. STORY is a bundled id or a scenario folder; all bundled stories\n"
    "when none is given. Every game lives on this machine and is autosaved at each decision:\n"
    "a reload, a closed tab or a restart of the server resumes it. Ctrl-C stops the server.\n"
    "\n"
    "Options:\n"
    "      --listen ADDR:PORT  the IPv4 address and port to listen on (default 127.0.0.1,\n"
    "                     port 8080 or the next free one up to 8099)\n"
    "      --lan          listen on every network interface so that phones and laptops on\n"
    "                     this network can join; prints the join address and its QR code\n"
    "      --session CODE --results DIR\n"
    "                     a workshop session: each browser is a participant (a name, or\n"
    "                     anonymous), everyone plays CODE's seed, and each participant's\n"
    "                     results file is kept in DIR, as 'ladder play --results' writes it,\n"
    "                     for 'ladder report' and the facilitator's report button\n"
    "      --max-players N  refuse players beyond N (default 1000; players are kept across\n"
    "                     restarts)\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "The server's own state (players, their games, the facilitator's token) is kept in the\n"
    "data folder under serve/CODE (serve/solo without a session): start the server again\n"
    "with the same options and every player carries on.\n";

/* The soft limit of open files wanted: a connection and an autosave lock per player. */
#define WANTED_FILES 4096

static void free_stories(Server *sv)
{
    for (size_t i = 0; i < sv->n_stories; i++) {
        free(sv->stories[i].ref);
        free(sv->stories[i].id);
        free(sv->stories[i].title);
        free(sv->stories[i].summary);
        free(sv->stories[i].content_note);
    }
    free(sv->stories);
}

/* Load each story once, to refuse a broken one now rather than in a player's browser. */
static int add_story(Server *sv, const char *ref, size_t *cap)
{
    Err err;
    Story *s = catalog_open(ref, &err);
    if (!s) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        return -1;
    }
    for (size_t i = 0; i < sv->n_stories; i++)
        if (strcmp(sv->stories[i].id, s->id) == 0) { /* named twice: offered once */
            story_free(s);
            return 0;
        }
    util_grow(&sv->stories, cap, sv->n_stories + 1, sizeof *sv->stories);
    ServeStory *st = &sv->stories[sv->n_stories++];
    st->ref = xstrdup(ref);
    st->id = xstrdup(s->id);
    st->title = xstrdup(s->title);
    st->summary = xstrdup(s->summary ? s->summary : "");
    st->content_note = s->content_note ? xstrdup(s->content_note) : NULL;
    story_free(s);
    return 0;
}

/* The first IPv4 address of an interface that is up and not loopback, or NULL. */
static char *lan_address(void)
{
    struct ifaddrs *list;
    if (getifaddrs(&list) != 0)
        return NULL;
    char *found = NULL;
    for (struct ifaddrs *a = list; a && !found; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || !(a->ifa_flags & IFF_UP) ||
            (a->ifa_flags & IFF_LOOPBACK))
            continue;
        char buf[INET_ADDRSTRLEN];
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)a->ifa_addr;
        if (inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf))
            found = xstrdup(buf);
    }
    freeifaddrs(list);
    return found;
}

/* The facilitator's token: kept in the state folder (0600) so a restarted server keeps the
 * facilitator's page working; a new one is drawn when there is none. */
int serve_admin_token(Server *sv, const char *state, Err *err)
{
    char *path = xasprintf("%s/admin.token", state);
    size_t len;
    Err rerr;
    char *text = util_read_file(path, 256, &len, &rerr);
    bool ok = text && len >= 64 && strspn(text, "0123456789abcdef") >= 64;
    if (ok) {
        memcpy(sv->admin, text, 64);
        sv->admin[64] = '\0';
    }
    free(text);
    if (!ok) {
        unsigned char b[32];
        if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
            err_set(err, "no random numbers for the facilitator's token: %s", strerror(errno));
            free(path);
            return -1;
        }
        for (size_t i = 0; i < sizeof b; i++)
            snprintf(sv->admin + 2 * i, 3, "%02x", b[i]);
        char *line = xasprintf("%s\n", sv->admin);
        int rc = write_file_atomic(path, line, strlen(line), err);
        free(line);
        if (rc != 0) {
            free(path);
            return -1;
        }
    }
    chmod(path, 0600);
    free(path);
    return 0;
}

char *serve_public_host(const char *addr)
{
    if (strcmp(addr, "0.0.0.0") != 0)
        return xstrdup(addr);
    char *lan = lan_address();
    return lan ? lan : xstrdup("127.0.0.1");
}

void serve_more_files(void)
{
    struct rlimit r;
    if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < WANTED_FILES) {
        r.rlim_cur = r.rlim_max < WANTED_FILES ? r.rlim_max : WANTED_FILES;
        setrlimit(RLIMIT_NOFILE, &r);
    }
}

static bool lan_mode;

static void ready(Server *sv, int port)
{
    /* the join address names the port actually bound */
    char *colon = strrchr(sv->join_url, ':');
    if (colon) {
        *colon = '\0';
        char *url = xasprintf("%s:%d/", sv->join_url, port);
        free(sv->join_url);
        sv->join_url = url;
    }
    Err err;
    sv->qr_svg = serve_qr_svg(sv->join_url, &err);
    printf("Ladder is serving %zu stor%s at %s\n", sv->n_stories, sv->n_stories == 1 ? "y" : "ies",
           sv->join_url);
    if (sv->session_code)
        printf("Workshop session %s: results files go to %s\n", sv->session_code,
               sv->results_dir);
    printf("The facilitator's page: %sfacilitator#admin=%s\n", sv->join_url, sv->admin);
    if (lan_mode) {
        printf("Participants join at %s (or with this QR code):\n\n", sv->join_url);
        serve_qr_print(stdout, sv->join_url);
        printf("\n");
    }
    printf("Press Ctrl-C to stop: every game is autosaved and resumes at the next start.\n");
    fflush(stdout);
}

int serve_parse_listen(const char *s, char **addr, int *port)
{
    const char *colon = strrchr(s, ':');
    if (!colon || colon == s)
        return -1;
    char *end;
    errno = 0;
    long p = strtol(colon + 1, &end, 10);
    if (errno || *end || end == colon + 1 || p < 1 || p > 65535)
        return -1;
    *addr = xstrndup(s, (size_t)(colon - s));
    *port = (int)p;
    return 0;
}

int tool_serve(int argc, char **argv)
{
    static const struct option opts[] = {{"listen", required_argument, NULL, 'l'},
                                         {"lan", no_argument, NULL, 'L'},
                                         {"session", required_argument, NULL, 's'},
                                         {"results", required_argument, NULL, 'r'},
                                         {"max-players", required_argument, NULL, 'm'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *listen = NULL, *code = NULL, *results = NULL;
    long max_players = SERVE_MAX_PLAYERS;
    lan_mode = false;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'l': listen = optarg; break;
        case 'L': lan_mode = true; break;
        case 's': code = optarg; break;
        case 'r': results = optarg; break;
        case 'm':
            if (!tools_parse_count(optarg, 1, 100000, &max_players))
                return tools_usage_error("serve", "--max-players takes a number from 1 to "
                                                  "100000, not '%s'", optarg);
            break;
        case 'h': tools_print_usage(tool_serve_usage); return TOOLS_EXIT_OK;
        default:
            fprintf(stderr, "Try 'ladder serve --help' for more information.\n");
            return TOOLS_EXIT_USAGE;
        }
    }
    if (!code != !results)
        return tools_usage_error("serve", "%s", "--session and --results go together: a "
                                                "workshop session needs both");
    if (code && (!*code || strlen(code) > 32 || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                       "abcdefghijklmnopqrstuvwxyz0123456789_-") !=
                                                    strlen(code)))
        return tools_usage_error("serve", "the session code '%s' is not 1 to 32 letters, digits, "
                                          "_ or -", code);
    if (results && !*results)
        return tools_usage_error("serve", "%s", "--results needs a folder");
    char *addr = NULL;
    int port = 0;
    if (listen && serve_parse_listen(listen, &addr, &port) != 0)
        return tools_usage_error("serve", "--listen takes ADDR:PORT (such as 127.0.0.1:8080), "
                                          "not '%s'", listen);
    if (!addr)
        addr = xstrdup(lan_mode ? "0.0.0.0" : "127.0.0.1");
    else if (lan_mode && strcmp(addr, "0.0.0.0") != 0) {
        free(addr);
        return tools_usage_error("serve", "%s", "--lan listens on every interface; give "
                                                "--listen 0.0.0.0:PORT with it, or only a port");
    }

    Server sv = {0};
    size_t cap = 0;
    int rc = TOOLS_EXIT_FAILED;
    if (optind < argc) {
        for (int i = optind; i < argc; i++)
            if (add_story(&sv, argv[i], &cap) != 0)
                goto done;
    } else {
        char *dir = paths_scenarios_dir();
        Catalog *cat = catalog_scan(dir);
        free(dir);
        for (size_t i = 0; i < cat->n; i++)
            add_story(&sv, cat->v[i].id, &cap);
        catalog_free(cat);
        if (sv.n_stories == 0) {
            fprintf(stderr, "ladder serve: no bundled story can be loaded\n");
            goto done;
        }
    }
    Err err;
    char *data = paths_data_dir(&err);
    if (!data) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        goto done;
    }
    char *state = xasprintf("%s/serve/%s", data, code ? code : "solo");
    free(data);
    if (util_make_dirs(state, &err) != 0 || serve_admin_token(&sv, state, &err) != 0) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        free(state);
        goto done;
    }
    if (results && util_make_dirs(results, &err) != 0) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        free(state);
        goto done;
    }
    serve_more_files();
    PlayersConfig pc = {.state_dir = state, .results_dir = results, .session_code = code,
                        .max_players = (size_t)max_players};
    char *problems = NULL;
    sv.players = players_open(&pc, &problems, &err);
    free(state);
    if (problems) {
        utf8_fprintf(stderr, "ladder serve: %s", problems);
        free(problems);
    }
    if (!sv.players) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        goto done;
    }
    if (players_count(sv.players))
        printf("%zu player%s from before carry on where they were.\n",
               players_count(sv.players), players_count(sv.players) == 1 ? "" : "s");
    sv.session_code = code ? xstrdup(code) : NULL;
    sv.results_dir = results ? xstrdup(results) : NULL;
    char *host = serve_public_host(addr);
    sv.join_url = xasprintf("http://%s:%d/", host, port);
    free(host);
    int bound = 0;
    if (serve_http_run(&sv, addr, port, &bound, ready, &err) != 0) {
        utf8_fprintf(stderr, "ladder serve: %s\n", err.msg);
        goto done;
    }
    rc = TOOLS_EXIT_OK;
done:
    players_free(sv.players);
    free_stories(&sv);
    free(sv.join_url);
    free(sv.session_code);
    free(sv.results_dir);
    free(sv.qr_svg);
    free(addr);
    return rc;
}
