// Place names for the local government codes the app stores (全国地方公共団体コード, JIS X 0402,
// 5 digits without the check digit; a prefecture as NN000): a name for each code and a search by
// name or reading for pickers. The list itself (~83 KB) is loaded on demand by
// loadMunicipalityRegistry(), so a bundle that only imports this module does not carry it.
import { normalizeForSearch } from '../directory';
import { prefectureNameOf, type PrefectureName } from '../prefectures';

export type MunicipalityKind = 'PREFECTURE' | 'MUNICIPALITY' | 'WARD';

export interface Municipality {
  /** 5 digits, e.g. "13102"; a prefecture is "13000". */
  readonly code: string;
  readonly kind: MunicipalityKind;
  readonly prefecture: PrefectureName;
  /** The name below the prefecture ("中央区", "札幌市中央区"); the prefecture's own for a prefecture. */
  readonly localName: string;
  /** What a person reads: "東京都中央区", or "東京都" for the prefecture. */
  readonly fullName: string;
  /** Reading of the full name in hiragana ("とうきょうとちゅうおうく"). */
  readonly reading: string;
}

const KINDS: Record<string, MunicipalityKind> = { p: 'PREFECTURE', m: 'MUNICIPALITY', w: 'WARD' };

export interface MunicipalitySearchOptions {
  /** Whether prefecture-wide choices (NN000) are offered; grants may cover a whole prefecture. */
  readonly includePrefectures?: boolean;
  readonly limit?: number;
}

/** The list parsed once, with lookups by code and a search by name, reading or code. */
export class MunicipalityRegistry {
  readonly all: readonly Municipality[];
  private readonly byCode: ReadonlyMap<string, Municipality>;
  private readonly searchKeys: readonly string[];

  constructor(rows: string) {
    const prefectureReadings = new Map<string, string>();
    const all: Municipality[] = [];
    for (const line of rows.split('\n')) {
      const [code, kindLetter, localName, reading] = line.split('\t');
      const prefecture = prefectureNameOf(code);
      const kind = KINDS[kindLetter];
      if (!prefecture || !kind || !localName || !reading) throw new Error(`Malformed municipality row: ${line}`);
      if (kind === 'PREFECTURE') prefectureReadings.set(code.slice(0, 2), reading);
      const prefix = kind === 'PREFECTURE' ? '' : prefecture;
      all.push({ code, kind, prefecture, localName, fullName: prefix + localName, reading: (kind === 'PREFECTURE' ? '' : prefectureReadings.get(code.slice(0, 2)) ?? '') + reading });
    }
    this.all = all;
    this.byCode = new Map(all.map((entry) => [entry.code, entry]));
    // One folded key per entry: the full name, the local name, both readings and the code, so
    // "中央区", "ちゅうおう", "チュウオウ", "とうきょうとちゅうおう" and "13102" all find 東京都中央区.
    this.searchKeys = all.map((entry) => normalizeForSearch([entry.fullName, entry.reading, entry.code].join(' ')));
  }

  get(code: string): Municipality | null {
    return this.byCode.get(code.trim()) ?? null;
  }

  /** "東京都中央区" for "13102", "東京都" for "13000"; null for a code not on the list. */
  nameOf(code: string): string | null {
    return this.get(code)?.fullName ?? null;
  }

  /**
   * Entries whose name, reading (hiragana or katakana, full- or half-width) or code contains
   * every word of the query, in code order; prefectures first when they are offered.
   */
  search(query: string, options: MunicipalitySearchOptions = {}): Municipality[] {
    const words = normalizeForSearch(query).split(' ').filter(Boolean);
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const found: Municipality[] = [];
    for (let index = 0; index < this.all.length && found.length < limit; index++) {
      const entry = this.all[index];
      if (entry.kind === 'PREFECTURE' && !options.includePrefectures) continue;
      if (words.every((word) => this.searchKeys[index].includes(word))) found.push(entry);
    }
    return found;
  }
}

let registry: Promise<MunicipalityRegistry> | null = null;

/** The registry, its data loaded (a separate chunk in the web app) on the first call only. */
export function loadMunicipalityRegistry(): Promise<MunicipalityRegistry> {
  registry ??= import('./municipality-codes.data').then(({ MUNICIPALITY_CODE_ROWS }) => new MunicipalityRegistry(MUNICIPALITY_CODE_ROWS));
  return registry;
}
