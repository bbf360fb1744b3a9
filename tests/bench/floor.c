/* floor.c: the least an SDL2 + SDL2_ttf program can do to show a paragraph: open a window,
 * render one wrapped paragraph with the same font, present one frame, exit. The window
 * benchmark compares Ladder's start-up against this floor. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: floor FONT.ttf\n");
        return 2;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *w = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1100,
                                     760, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, 0) : NULL;
    TTF_Font *f = TTF_OpenFont(argv[1], 20);
    if (!r || !f) {
        fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Color ink = {38, 34, 30, 255};
    SDL_Surface *s = TTF_RenderUTF8_Blended_Wrapped(
        f,
        "Your coat is already on. The third floor of Gulfline Freight's Conti Street office in "
        "Mobile has emptied out, and Maya's recital starts at 19:30 across town. Then your phone "
        "buzzes.",
        ink, 700);
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_SetRenderDrawColor(r, 247, 243, 235, 255);
    SDL_RenderClear(r);
    SDL_Rect dst = {60, 60, s->w, s->h};
    SDL_RenderCopy(r, t, NULL, &dst);
    SDL_RenderPresent(r);
    SDL_DestroyTexture(t);
    SDL_FreeSurface(s);
    TTF_CloseFont(f);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(w);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
