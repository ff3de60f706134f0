/**
 * The parts synthetic watchlist names are built from: given names and surnames per script, with the Latin
 * spellings a list gives the same name (transliteration variants), titles, company words and legal forms.
 * Ordinary, frequent names on purpose: a real consolidated list is full of them, and the engine must cope.
 */

/** A name in its own script and the Latin spellings lists give it (the first is the usual one). */
export interface NamePart {
  native?: string;
  latin: readonly string[];
}

/** Parts separated by spaces, spellings by `/`; a no-break space joins a part of two words. */
const words = (line: string) => line.split(' ').map((part) => part.replaceAll('\u00a0', ' '));
const latin = (line: string): NamePart[] => words(line).map((group) => ({ latin: group.split('/') }));
const native = (line: string): NamePart[] =>
  words(line).map((group) => {
    const [script = '', spellings = ''] = group.split('=');
    return { native: script, latin: spellings.split('/') };
  });

/** People named in Latin script: Western given names and surnames, with the spelling variants lists carry. */
export const LATIN_GIVEN = latin(
  'John/Jon James/Jaime Robert Michael/Mikael William David/Dawid Richard Joseph/Josef Thomas/Tomas Charles Daniel Matthew Anthony/Antony Mark/Marc Paul/Pablo Steven/Stephen Andrew/Andreas George/Georg Peter/Pieter/Pedro Henry/Henri Maria/Marija Anna/Ana Elena/Helena Laura Sofia/Sophia Clara/Klara Isabel/Isabelle Julia/Giulia Carmen Lucia/Luzia Francisco/Francesco Carlos/Karl Juan/Johan Luis/Louis Miguel Jose/Jos\u00e9 Manuel/Emmanuel Hans Klaus/Claus Dieter Jurgen/J\u00fcrgen Pierre Jean Olivier/Oliver Fran\u00e7ois/Francois Giovanni Marco Luca/Luka Stefan/Stefano Nikolaus/Nicolas/Nikolas Katarina/Catherine/Katharina Margaret/Margarethe Eva/Eve',
);
export const LATIN_SURNAME = latin(
  'Smith Johnson Williams Brown Jones Miller/Mueller/M\u00fcller Davis Garcia/Garc\u00eda Rodriguez/Rodr\u00edguez Martinez/Mart\u00ednez Hernandez/Hern\u00e1ndez Lopez/L\u00f3pez Gonzalez/Gonz\u00e1lez Wilson Anderson Taylor Moore Jackson Martin White Harris Clark Lewis Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Schmidt/Schmitt Schneider Fischer/Fisher Weber Meyer/Meier/Maier Wagner Becker Schulz/Schultz Hoffmann/Hoffman Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Dubois Durand Lefebvre Moreau Laurent Simon Michel Bernard Petit Fontaine Silva Santos Ferreira Pereira Oliveira Costa Almeida Carvalho Novak Horvat Kowalski Nowak Wisniewski/Wi\u015bniewski Jansen Janssen De\u00a0Vries/de\u00a0Vries Van\u00a0Dijk/van\u00a0Dijk Bakker Visser Jensen Nielsen Hansen Larsen Andersson Johansson Karlsson Nilsson Eriksson Ozturk/\u00d6zt\u00fcrk Yilmaz/Y\u0131lmaz Kaya Demir Sahin/\u015eahin Celik/\u00c7elik',
);

/** Russian given names and surnames in Cyrillic, with their usual romanisations. */
export const CYRILLIC_GIVEN = native(
  '\u0410\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440=Aleksandr/Alexander/Alexandr \u0421\u0435\u0440\u0433\u0435\u0439=Sergei/Sergey/Serguei \u0414\u043c\u0438\u0442\u0440\u0438\u0439=Dmitry/Dmitri/Dmitriy \u0410\u043d\u0434\u0440\u0435\u0439=Andrei/Andrey \u0410\u043b\u0435\u043a\u0441\u0435\u0439=Alexei/Aleksei/Alexey \u041c\u0438\u0445\u0430\u0438\u043b=Mikhail/Mikhael \u0418\u0432\u0430\u043d=Ivan \u041d\u0438\u043a\u043e\u043b\u0430\u0439=Nikolai/Nikolay \u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440=Vladimir/Wladimir \u042e\u0440\u0438\u0439=Yuri/Yury/Iurii \u041e\u043b\u0435\u0433=Oleg \u0418\u0433\u043e\u0440\u044c=Igor \u0415\u0432\u0433\u0435\u043d\u0438\u0439=Evgeny/Yevgeny/Evgeniy \u0412\u0438\u043a\u0442\u043e\u0440=Viktor/Victor \u041f\u0430\u0432\u0435\u043b=Pavel \u0413\u0435\u043d\u043d\u0430\u0434\u0438\u0439=Gennady/Gennadiy \u041e\u043b\u044c\u0433\u0430=Olga \u0415\u043b\u0435\u043d\u0430=Elena/Yelena \u0422\u0430\u0442\u044c\u044f\u043d\u0430=Tatiana/Tatyana \u041d\u0430\u0442\u0430\u043b\u044c\u044f=Natalia/Natalya \u0418\u0440\u0438\u043d\u0430=Irina \u0421\u0432\u0435\u0442\u043b\u0430\u043d\u0430=Svetlana \u0410\u0440\u043a\u0430\u0434\u0438\u0439=Arkady/Arkadiy \u0420\u043e\u043c\u0430\u043d=Roman \u0411\u043e\u0440\u0438\u0441=Boris',
);
export const CYRILLIC_SURNAME = native(
  '\u0418\u0432\u0430\u043d\u043e\u0432=Ivanov \u0421\u043c\u0438\u0440\u043d\u043e\u0432=Smirnov \u041a\u0443\u0437\u043d\u0435\u0446\u043e\u0432=Kuznetsov/Kuznetzov \u041f\u043e\u043f\u043e\u0432=Popov \u0412\u0430\u0441\u0438\u043b\u044c\u0435\u0432=Vasilyev/Vasiliev \u041f\u0435\u0442\u0440\u043e\u0432=Petrov \u0421\u043e\u043a\u043e\u043b\u043e\u0432=Sokolov \u041c\u0438\u0445\u0430\u0439\u043b\u043e\u0432=Mikhailov/Mikhaylov \u041d\u043e\u0432\u0438\u043a\u043e\u0432=Novikov \u0424\u0451\u0434\u043e\u0440\u043e\u0432=Fyodorov/Fedorov \u041c\u043e\u0440\u043e\u0437\u043e\u0432=Morozov \u0412\u043e\u043b\u043a\u043e\u0432=Volkov \u0410\u043b\u0435\u043a\u0441\u0435\u0435\u0432=Alekseev/Alexeev \u041b\u0435\u0431\u0435\u0434\u0435\u0432=Lebedev \u0421\u0435\u043c\u0451\u043d\u043e\u0432=Semyonov/Semenov \u0415\u0433\u043e\u0440\u043e\u0432=Yegorov/Egorov \u041f\u0430\u0432\u043b\u043e\u0432=Pavlov \u041a\u043e\u0437\u043b\u043e\u0432=Kozlov \u0421\u0442\u0435\u043f\u0430\u043d\u043e\u0432=Stepanov \u041d\u0438\u043a\u043e\u043b\u0430\u0435\u0432=Nikolaev/Nikolayev \u041e\u0440\u043b\u043e\u0432=Orlov \u0410\u043d\u0434\u0440\u0435\u0435\u0432=Andreev/Andreyev \u041c\u0430\u043a\u0430\u0440\u043e\u0432=Makarov \u0417\u0430\u0445\u0430\u0440\u043e\u0432=Zakharov \u0417\u0430\u0439\u0446\u0435\u0432=Zaitsev/Zaytsev \u0421\u043e\u043b\u043e\u0432\u044c\u0451\u0432=Solovyov/Soloviev \u0411\u043e\u0440\u0438\u0441\u043e\u0432=Borisov \u042f\u043a\u043e\u0432\u043b\u0435\u0432=Yakovlev \u0413\u0440\u0438\u0433\u043e\u0440\u044c\u0435\u0432=Grigoryev/Grigoriev \u0420\u043e\u043c\u0430\u043d\u043e\u0432=Romanov',
);
/** Russian patronymics (middle names), in Cyrillic with their romanisations. */
export const CYRILLIC_PATRONYMIC = native(
  '\u0410\u043b\u0435\u043a\u0441\u0430\u043d\u0434\u0440\u043e\u0432\u0438\u0447=Aleksandrovich/Alexandrovich \u0421\u0435\u0440\u0433\u0435\u0435\u0432\u0438\u0447=Sergeyevich/Sergeevich \u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440\u043e\u0432\u0438\u0447=Vladimirovich \u0418\u0432\u0430\u043d\u043e\u0432\u0438\u0447=Ivanovich \u041d\u0438\u043a\u043e\u043b\u0430\u0435\u0432\u0438\u0447=Nikolayevich/Nikolaevich \u0412\u0438\u043a\u0442\u043e\u0440\u043e\u0432\u0438\u0447=Viktorovich \u042e\u0440\u044c\u0435\u0432\u0438\u0447=Yuryevich/Yurievich \u041f\u0435\u0442\u0440\u043e\u0432\u0438\u0447=Petrovich \u041c\u0438\u0445\u0430\u0439\u043b\u043e\u0432\u0438\u0447=Mikhailovich \u0411\u043e\u0440\u0438\u0441\u043e\u0432\u0438\u0447=Borisovich',
);

/** Arabic given names and family names in Arabic script, with the Latin spellings lists give them. */
export const ARABIC_GIVEN = native(
  '\u0645\u062d\u0645\u062f=Mohammed/Muhammad/Mohamed/Mohammad \u0623\u062d\u0645\u062f=Ahmed/Ahmad \u0639\u0644\u064a=Ali \u062d\u0633\u0646=Hassan/Hasan \u062d\u0633\u064a\u0646=Hussein/Husayn/Hussain \u0639\u0645\u0631=Omar/Umar \u062e\u0627\u0644\u062f=Khaled/Khalid \u064a\u0648\u0633\u0641=Youssef/Yusuf/Yousef \u0625\u0628\u0631\u0627\u0647\u064a\u0645=Ibrahim/Ebrahim \u0645\u0635\u0637\u0641\u0649=Mustafa/Mostafa \u0639\u0628\u062f\u0627\u0644\u0644\u0647=Abdullah/Abdallah \u0633\u0639\u064a\u062f=Saeed/Said/Sayed \u0643\u0631\u064a\u0645=Karim/Kareem \u0637\u0627\u0631\u0642=Tariq/Tarek/Tareq \u0641\u0627\u0637\u0645\u0629=Fatima/Fatma \u0639\u0627\u0626\u0634\u0629=Aisha/Aysha \u0645\u0631\u064a\u0645=Maryam/Mariam \u0632\u064a\u0646\u0628=Zainab/Zeinab \u0646\u0648\u0631=Nour/Noor \u0633\u0644\u064a\u0645\u0627\u0646=Suleiman/Sulayman \u062c\u0645\u0627\u0644=Jamal/Gamal \u0645\u0646\u0635\u0648\u0631=Mansour/Mansur \u0647\u0627\u0646\u064a=Hani/Hany \u0648\u0644\u064a\u062f=Walid/Waleed',
);
export const ARABIC_SURNAME = native(
  '\u0627\u0644\u0623\u0633\u062f=Al-Assad/al-Asad \u0627\u0644\u0647\u0627\u0634\u0645\u064a=Al-Hashimi/al-Hashemi \u0627\u0644\u0639\u0628\u064a\u062f\u064a=Al-Obeidi/al-Ubaydi \u0627\u0644\u062a\u0643\u0631\u064a\u062a\u064a=Al-Tikriti \u0627\u0644\u062e\u0637\u064a\u0628=Al-Khatib/Al-Khateeb \u0627\u0644\u062d\u0633\u0646\u064a=Al-Hasani/Al-Hassani \u0627\u0644\u0634\u0645\u0631\u064a=Al-Shammari \u0627\u0644\u0632\u0639\u0628\u064a=Al-Zoubi/Al-Zubi \u0627\u0644\u0642\u0627\u0633\u0645=Al-Qasim/Al-Kassem \u0627\u0644\u0645\u0635\u0631\u064a=Al-Masri/El-Masry \u0639\u0628\u062f\u0627\u0644\u0631\u062d\u0645\u0646=Abdelrahman/Abdul\u00a0Rahman \u062d\u062c\u0627\u0632\u064a=Hegazy/Hijazi \u0645\u0646\u0635\u0648\u0631=Mansour/Mansur \u0627\u0644\u0639\u0644\u064a=Al-Ali \u062f\u0631\u0648\u064a\u0634=Darwish/Darwiche \u0627\u0644\u0628\u063a\u062f\u0627\u062f\u064a=Al-Baghdadi \u0627\u0644\u0631\u0634\u064a\u062f=Al-Rashid/Al-Rasheed \u0639\u062b\u0645\u0627\u0646=Othman/Osman/Uthman \u062e\u0644\u064a\u0644=Khalil/Khaleel \u0627\u0644\u0646\u062c\u0627\u0631=Al-Najjar/Najjar',
);

/** Chinese family and given names in Han characters, with their pinyin. */
export const CJK_SURNAME = native(
  '\u738b=Wang \u674e=Li/Lee \u5f20=Zhang/Chang \u5218=Liu \u9648=Chen/Chan \u6768=Yang \u9ec4=Huang/Wong \u8d75=Zhao/Chao \u5434=Wu/Ng \u5468=Zhou/Chow \u5f90=Xu/Hsu \u5b59=Sun \u9a6c=Ma \u6731=Zhu/Chu \u80e1=Hu \u90ed=Guo/Kwok \u4f55=He/Ho \u6797=Lin/Lam \u9ad8=Gao/Ko \u7f57=Luo/Law',
);
export const CJK_GIVEN = native(
  '\u4f1f=Wei \u82b3=Fang \u79c0\u82f1=Xiuying \u5a1c=Na \u654f=Min \u9759=Jing \u4e3d=Li \u5f3a=Qiang \u78ca=Lei \u519b=Jun \u6d0b=Yang \u52c7=Yong \u8273=Yan \u6770=Jie \u6d9b=Tao \u660e=Ming \u8d85=Chao \u5efa\u534e=Jianhua \u5efa\u56fd=Jianguo \u5fd7\u5f3a=Zhiqiang \u6c38\u5e86=Yongqing \u6d77\u71d5=Haiyan \u5c0f\u7ea2=Xiaohong \u56fd\u5e73=Guoping \u6587\u6770=Wenjie \u5929\u7fd4=Tianxiang',
);

/** Titles and honorifics lists put before a name. */
export const TITLES = [
  'Dr.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Prof.',
  'General',
  'Colonel',
  'Major General',
  'Sheikh',
  'Admiral',
  'Minister',
  'Judge',
  'Brigadier',
];

/** Words company names are made of, and the legal forms after them. */
export const COMPANY_WORDS = words(
  'Atlas Meridian Northern Pacific Global United Golden Eastern Western Continental Apex Summit Pioneer Horizon Sterling Falcon Orion Vector Nova Crescent Cedar Silverline Bluewater Ironbridge Redstone Greenfield Harbor Sovereign Titan Aurora Polar Delta Keystone Beacon Evergreen Granite Oakridge Riverside Zenith Lighthouse Caspian Baltic Volga Sahara Levant Gulfstream Silk\u00a0Road Amber Jade Pearl',
);
export const COMPANY_TRADES =
  'Trading Shipping Petroleum Logistics Holdings Industries Metals Energy Finance Investments Minerals Chemicals Aviation Marine Engineering Construction Resources Technologies Capital Export Import Maritime Pharmaceuticals Agro Steel Telecom'.split(
    ' ',
  );
export const LEGAL_FORMS = [
  'LLC',
  'Ltd',
  'Limited',
  'GmbH',
  'JSC',
  'PJSC',
  'S.A.',
  'S.A.R.L.',
  'FZE',
  'FZCO',
  'Co., Ltd.',
  'Inc.',
  'Corp.',
  'AG',
  'B.V.',
  'PLC',
];
/** Cyrillic company words (a transliteration of the Latin company name is its alias) and legal forms. */
export const CYRILLIC_COMPANY_FORMS = native(
  '\u041e\u041e\u041e=OOO \u0410\u041e=AO \u041f\u0410\u041e=PAO \u0417\u0410\u041e=ZAO',
);
/** Han company suffixes: 有限公司 (limited company), 集团 (group). */
export const CJK_COMPANY_FORMS = native('\u6709\u9650\u516c\u53f8=Co.\u00a0Ltd \u96c6\u56e2=Group');
