// The 47 prefectures (都道府県) in JIS X 0401 order: the code of prefecture n is n, and as a
// 5-digit region code (JIS X 0402 style, as grants store regions) `NN000` (東京都 = 13000).
export const PREFECTURE_NAMES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県',
  '茨城県', '栃木県', '群馬県', '埼玉県', '千葉県', '東京都', '神奈川県',
  '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県', '愛知県',
  '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県',
  '徳島県', '香川県', '愛媛県', '高知県',
  '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;
export type PrefectureName = (typeof PREFECTURE_NAMES)[number];

/** "13000" for 東京都 (also 東京 without its suffix); null for anything else. */
export function prefectureRegionCode(name: string): string | null {
  const trimmed = name.trim();
  const index = PREFECTURE_NAMES.findIndex((prefecture) => prefecture === trimmed || (prefecture !== '北海道' && prefecture.slice(0, -1) === trimmed));
  return index < 0 ? null : `${String(index + 1).padStart(2, '0')}000`;
}

/** The prefecture's name of a 5-digit region or municipality code ("13102" → 東京都); null when out of range. */
export function prefectureNameOf(code: string): PrefectureName | null {
  const index = Number(code.slice(0, 2)) - 1;
  return /^\d{5}$/.test(code) && index >= 0 && index < PREFECTURE_NAMES.length ? PREFECTURE_NAMES[index] : null;
}
