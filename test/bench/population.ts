/**
 * The simulated people of one benchmark, kept from run to run: people still
 * mid-questionnaire when a run ends carry on in the next, so after the warm-up
 * every run sees people at every stage of the walk, not only at its start.
 * Each run's moves are recorded, to give a bare bot the very same updates.
 */
import type { Lang } from "../../src/core/model.js";
import type { Screen } from "./fake-api.js";
import type { LoadResult, Recorded, SimUser } from "./load.js";
import { personaFor, type Walker } from "./walker.js";

export interface Person {
  id: number;
  lang: Lang;
  walker: Walker;
  moves: number;
  /** Until set up (see onJoin). */
  ready?: Promise<void> | undefined;
}

export interface PopulationOptions {
  firstId: number;
  /** What the person sees now: the latest message with buttons in their chat. */
  screenOf: (id: number) => Screen | undefined;
  /** A newcomer arrives (consent row, emulator chat…). */
  /** A newcomer's set-up (consent); their first move waits for it. */
  onJoin?: (person: Person) => void | Promise<void>;
  /** A person is done (reached the review, gave up, or made `movesPerUser` moves). */
  onLeave?: (person: Person) => void;
  /** Stop each person after this many moves (people left mid-questionnaire). */
  movesPerUser?: number;
}

export interface PopulationRun {
  makeUser: (index: number) => SimUser;
  onEnd: (user: SimUser) => boolean;
  recorded: Recorded[];
  /** Keeps those still mid-walk for the next run. */
  carry: (result: LoadResult) => void;
}

export class Population {
  private carried: Person[] = [];
  private nextId: number;
  private joined = 0;

  constructor(private readonly options: PopulationOptions) {
    this.nextId = options.firstId;
  }

  private newcomer(): Person {
    const { lang, walker } = personaFor(this.joined++);
    const person: Person = { id: this.nextId++, lang, walker, moves: 0 };
    const joining = this.options.onJoin?.(person);
    if (joining) person.ready = joining;
    return person;
  }

  /** One run's people: the carried-over first (in order), then newcomers. */
  run(): PopulationRun {
    const carried = this.carried;
    this.carried = [];
    const recorded: Recorded[] = [];
    const byId = new Map<number, Person>();
    const limit = this.options.movesPerUser ?? Number.POSITIVE_INFINITY;
    const makeUser = (index: number): SimUser => {
      const person = carried[index] ?? this.newcomer();
      byId.set(person.id, person);
      const record: Recorded = { lang: person.lang, moves: [] };
      recorded[index] = record;
      const ready = person.ready;
      person.ready = undefined;
      return {
        id: person.id,
        lang: person.lang,
        ready,
        next: () => {
          if (person.moves >= limit) return undefined;
          const move = person.walker.next(this.options.screenOf(person.id));
          if (move) {
            record.moves.push(move);
            person.moves++;
          }
          return move;
        },
      };
    };
    const onEnd = (user: SimUser) => {
      const person = byId.get(user.id);
      if (person) this.options.onLeave?.(person);
      return !person?.walker.stuck;
    };
    const carry = (result: LoadResult) => {
      this.carried = result.idle.flatMap((u) => byId.get(u.id) ?? []);
    };
    return { makeUser, onEnd, recorded, carry };
  }
}
