/**
 * A national office tree like India Post's, generated deterministically: 23 circles > regions (some circles have none:
 * a level may be skipped) > ~450 divisions > ~830 head offices > ~25,000 sub offices > ~139,000 branch offices, about
 * 165,000 offices at scale 1. Lower levels are dealt round-robin, so every division has the same shape (about 370
 * offices) at any scale: a smaller tree has fewer divisions, not smaller ones. Sub offices are in account with their
 * head office, branch offices with their sub office.
 */
export interface GeneratedOffice {
  code: string;
  name: string;
  type: 'CIRCLE' | 'REGION' | 'DIVISION' | 'HEAD_OFFICE' | 'SUB_OFFICE' | 'BRANCH_OFFICE';
  parentCode: string | null;
  path: string;
  accountOfficeCode: string | null;
  pin: string | null;
}

/** The 23 postal circles (code, name, first digit of their PINs). */
const CIRCLES: Array<[string, string, number]> = [
  ['AP', 'Andhra Pradesh', 5], ['AS', 'Assam', 7], ['BR', 'Bihar', 8], ['CG', 'Chhattisgarh', 4], ['DL', 'Delhi', 1],
  ['GJ', 'Gujarat', 3], ['HR', 'Haryana', 1], ['HP', 'Himachal Pradesh', 1], ['JK', 'Jammu and Kashmir', 1],
  ['JH', 'Jharkhand', 8], ['KA', 'Karnataka', 5], ['KL', 'Kerala', 6], ['MP', 'Madhya Pradesh', 4],
  ['MH', 'Maharashtra', 4], ['NE', 'North Eastern', 7], ['OD', 'Odisha', 7], ['PB', 'Punjab', 1], ['RJ', 'Rajasthan', 3],
  ['TN', 'Tamil Nadu', 6], ['TS', 'Telangana', 5], ['UP', 'Uttar Pradesh', 2], ['UK', 'Uttarakhand', 2], ['WB', 'West Bengal', 7],
];

const NATIONAL = { divisions: 450, headOffices: 830, subOffices: 25_000, branchOffices: 139_000 };
const REGIONS_PER_CIRCLE = 3;

/** A small seeded generator (mulberry32), so two runs load the same tree. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function generateOfficeTree(scale: number): GeneratedOffice[] {
  const next = random(20_240_101);
  const out: GeneratedOffice[] = [];
  const circleOf = new Map<string, [string, string, number]>();
  const add = (office: Omit<GeneratedOffice, 'path'>, parentPath: string | null, circle: [string, string, number]) => {
    const path = parentPath === null ? office.code : `${parentPath}/${office.code}`;
    out.push({ ...office, path });
    circleOf.set(office.code, circle);
    return { code: office.code, path };
  };
  const pin = (circle: [string, string, number]) => `${circle[2]}${pad(Math.floor(next() * 100_000), 5)}`;

  const circleCount = Math.max(3, Math.round(CIRCLES.length * scale));
  const divisionParents: Array<{ code: string; path: string }> = [];
  for (const [index, circle] of CIRCLES.slice(0, circleCount).entries()) {
    const top = add({ code: circle[0], name: `${circle[1]} Circle`, type: 'CIRCLE', parentCode: null, accountOfficeCode: null, pin: null }, null, circle);
    // Every third circle has no regions: its divisions sit directly under it.
    if (index % 3 === 0) {
      divisionParents.push(top);
      continue;
    }
    for (let r = 1; r <= REGIONS_PER_CIRCLE; r += 1) {
      divisionParents.push(
        add({ code: `${circle[0]}-R${r}`, name: `${circle[1]} Region ${r}`, type: 'REGION', parentCode: circle[0], accountOfficeCode: null, pin: null }, top.path, circle),
      );
    }
  }

  const level = (
    count: number,
    parents: Array<{ code: string; path: string }>,
    make: (sequence: number, parent: { code: string; path: string }, circle: [string, string, number]) => Omit<GeneratedOffice, 'path'>,
  ) => {
    const made: Array<{ code: string; path: string }> = [];
    for (let i = 0; i < count; i += 1) {
      const parent = parents[i % parents.length]!;
      const circle = circleOf.get(parent.code)!;
      made.push(add(make(i + 1, parent, circle), parent.path, circle));
    }
    return made;
  };
  const divisions = level(Math.round(NATIONAL.divisions * scale), divisionParents, (n, parent, circle) => ({
    code: `${circle[0]}-D${pad(n, 3)}`, name: `${circle[1]} Division ${n}`, type: 'DIVISION', parentCode: parent.code, accountOfficeCode: null, pin: null,
  }));
  const headOffices = level(Math.round(NATIONAL.headOffices * scale), divisions, (n, parent, circle) => ({
    code: `${circle[0]}-H${pad(n, 4)}`, name: `Head Post Office ${n}`, type: 'HEAD_OFFICE', parentCode: parent.code, accountOfficeCode: null, pin: pin(circle),
  }));
  const subOffices = level(Math.round(NATIONAL.subOffices * scale), headOffices, (n, parent, circle) => ({
    code: `${circle[0]}-S${pad(n, 6)}`, name: `Sub Post Office ${n}`, type: 'SUB_OFFICE', parentCode: parent.code, accountOfficeCode: parent.code, pin: pin(circle),
  }));
  level(Math.round(NATIONAL.branchOffices * scale), subOffices, (n, parent, circle) => ({
    code: `${circle[0]}-B${pad(n, 6)}`, name: `Branch Post Office ${n}`, type: 'BRANCH_OFFICE', parentCode: parent.code, accountOfficeCode: parent.code, pin: pin(circle),
  }));
  return out;
}
