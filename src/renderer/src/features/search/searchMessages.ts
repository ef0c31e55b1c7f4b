/** Texts of the search palette and of search results. English is the reference; Czech must have the same keys. */
export const en = {
  title: 'Search people',
  open: 'Search people…',
  placeholder: 'Name, birth date, phone or e-mail…',
  hint: 'Type a name in any order, a birth date like 3. 9. 2015, a birth year, a phone number or an e-mail.',
  results: 'Search results',
  recent: 'Opened recently',
  recentHint: 'People opened recently at this desk. Type to search everyone.',
  searching: 'Searching…',
  nothingFound: 'Nobody found for “{query}”.',
  childOf: 'Child of {guardian}',
  guardianPhone: "guardian's",
  archived: 'Archived',
  keys: {
    move: 'move',
    open: 'open',
    close: 'close',
  },
}

export const cs: typeof en = {
  title: 'Hledat osoby',
  open: 'Hledat osoby…',
  placeholder: 'Jméno, datum narození, telefon nebo e-mail…',
  hint: 'Napište jméno v libovolném pořadí, datum narození jako 3. 9. 2015, rok narození, telefon nebo e-mail.',
  results: 'Výsledky hledání',
  recent: 'Naposledy otevřené',
  recentHint: 'Osoby naposledy otevřené u tohoto stolu. Pište a hledejte mezi všemi.',
  searching: 'Hledám…',
  nothingFound: 'Pro „{query}“ nikdo nenalezen.',
  childOf: 'Dítě zákonného zástupce {guardian}',
  guardianPhone: 'zákonného zástupce',
  archived: 'Archivováno',
  keys: {
    move: 'výběr',
    open: 'otevřít',
    close: 'zavřít',
  },
}
