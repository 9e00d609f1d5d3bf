/** The demo contacts as the start banner lists them; the seed in strapi/src/demo/firm.ts creates them. */
export const demoContactLogins = () => [
  'anna@northwind.example         (Northwind Logistics, owner)',
  'jonas@northwind.example        (Northwind Logistics, billing)',
  'maya@bluebird.example          (Bluebird Studio, owner)',
  'sam@rivera-consulting.example  (both clients)',
];
