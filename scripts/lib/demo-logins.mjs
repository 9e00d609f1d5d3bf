/** The demo contacts as the start banner lists them; the seed in strapi/src/demo/firm.ts creates them. */
const contacts = [
  ['anna@northwind.example', 'Northwind, owner, signatory'],
  ['lena@northwind.example', 'Northwind, admin'],
  ['jonas@northwind.example', 'Northwind, billing'],
  ['maya@bluebird.example', 'Bluebird, owner, signatory'],
  ['olivia@calderfinch.example', 'Calder & Finch, owner, signatory'],
  ['tom@calderfinch.example', 'Calder & Finch, billing'],
  ['sam@rivera-consulting.example', 'Northwind member, Bluebird admin'],
];

/** One line per contact, padded so the password the banner appends lines up. */
export const demoContactLogins = () => {
  const emailWidth = Math.max(...contacts.map(([email]) => email.length)) + 2;
  const lines = contacts.map(([email, who]) => `${email.padEnd(emailWidth)}(${who})`);
  const width = Math.max(...lines.map((line) => line.length));
  return lines.map((line) => line.padEnd(width));
};
