"""Countries, their aliases and demonyms, so "Russia", "Russian" and "Russians" are one place.

News names a country far more often by its adjective ("Russian forces") or its
people ("Syrians") than by its name, and spaCy labels those NORP, not GPE.
Linking them needs a table; no installed package carries demonyms, so it is
kept here by hand, one country a line: ``Name|alias|...;demonym|...``.
Plural demonyms ("Russians", "Pakistanis") are derived, not listed. Demonyms
shared by two countries ("Congolese", "Korean") are left out on purpose.
"""

from __future__ import annotations

from functools import cache

_TABLE = """
Afghanistan;Afghan
Albania;Albanian
Algeria;Algerian
Andorra;Andorran
Angola;Angolan
Antigua and Barbuda;Antiguan
Argentina;Argentine|Argentinian
Armenia;Armenian
Australia;Australian|Aussie
Austria;Austrian
Azerbaijan;Azerbaijani|Azeri
Bahamas|The Bahamas;Bahamian
Bahrain;Bahraini
Bangladesh;Bangladeshi
Barbados;Barbadian
Belarus;Belarusian|Belarusan
Belgium;Belgian
Belize;Belizean
Benin;Beninese
Bhutan;Bhutanese
Bolivia;Bolivian
Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina;Bosnian
Botswana;Botswanan|Motswana
Brazil;Brazilian
Brunei;Bruneian
Bulgaria;Bulgarian
Burkina Faso;Burkinabe
Burundi;Burundian
Cambodia;Cambodian
Cameroon;Cameroonian
Canada;Canadian
Cape Verde|Cabo Verde;Cape Verdean
Central African Republic;Central African
Chad;Chadian
Chile;Chilean
China|People's Republic of China|PRC|Mainland China;Chinese
Colombia;Colombian
Comoros;Comoran|Comorian
Republic of the Congo|Congo-Brazzaville
Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa
Costa Rica;Costa Rican
Croatia;Croatian|Croat
Cuba;Cuban
Cyprus;Cypriot
Czech Republic|Czechia;Czech|Czechs
Denmark;Danish|Dane
Djibouti;Djiboutian
Dominica
Dominican Republic;Dominican
Ecuador;Ecuadorian|Ecuadorean
Egypt;Egyptian
El Salvador;Salvadoran|Salvadorean
Equatorial Guinea;Equatoguinean
Eritrea;Eritrean
Estonia;Estonian
Eswatini|Swaziland;Swazi
Ethiopia;Ethiopian
Fiji;Fijian
Finland;Finnish|Finn
France;French|Frenchman|Frenchmen|Frenchwoman
Gabon;Gabonese
Gambia|The Gambia;Gambian
Georgia;Georgian
Germany;German
Ghana;Ghanaian
Greece;Greek
Grenada;Grenadian
Guatemala;Guatemalan
Guinea;Guinean
Guinea-Bissau;Bissau-Guinean
Guyana;Guyanese
Haiti;Haitian
Honduras;Honduran
Hungary;Hungarian
Iceland;Icelandic|Icelander
India;Indian
Indonesia;Indonesian
Iran|Islamic Republic of Iran;Iranian
Iraq;Iraqi
Ireland|Republic of Ireland;Irish|Irishman|Irishmen
Israel;Israeli
Italy;Italian
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire;Ivorian
Jamaica;Jamaican
Japan;Japanese
Jordan;Jordanian
Kazakhstan;Kazakh|Kazakhstani
Kenya;Kenyan
Kiribati
Kosovo;Kosovar
Kuwait;Kuwaiti
Kyrgyzstan;Kyrgyz
Laos;Lao|Laotian
Latvia;Latvian
Lebanon;Lebanese
Lesotho;Basotho
Liberia;Liberian
Libya;Libyan
Liechtenstein
Lithuania;Lithuanian
Luxembourg;Luxembourger|Luxembourgish
Madagascar;Malagasy
Malawi;Malawian
Malaysia;Malaysian
Maldives;Maldivian
Mali;Malian
Malta;Maltese
Marshall Islands;Marshallese
Mauritania;Mauritanian
Mauritius;Mauritian
Mexico;Mexican
Micronesia;Micronesian
Moldova;Moldovan
Monaco;Monegasque
Mongolia;Mongolian
Montenegro;Montenegrin
Morocco;Moroccan
Mozambique;Mozambican
Myanmar|Burma;Burmese
Namibia;Namibian
Nauru;Nauruan
Nepal;Nepali|Nepalese
Netherlands|The Netherlands|Holland;Dutch|Dutchman|Dutchmen
New Zealand;New Zealander|Kiwi
Nicaragua;Nicaraguan
Niger;Nigerien
Nigeria;Nigerian
North Korea|DPRK|Democratic People's Republic of Korea;North Korean
North Macedonia|Macedonia;Macedonian
Norway;Norwegian
Oman;Omani
Pakistan;Pakistani
Palau;Palauan
Palestine|Palestinian territories|Palestinian Territories;Palestinian
Panama;Panamanian
Papua New Guinea;Papua New Guinean
Paraguay;Paraguayan
Peru;Peruvian
Philippines|The Philippines;Filipino|Filipina|Philippine
Poland;Polish|Pole
Portugal;Portuguese
Qatar;Qatari
Romania;Romanian
Russia|Russian Federation;Russian
Rwanda;Rwandan
Saint Kitts and Nevis
Saint Lucia;Saint Lucian
Saint Vincent and the Grenadines
Samoa;Samoan
San Marino;Sammarinese
Sao Tome and Principe|São Tomé and Príncipe
Saudi Arabia|KSA;Saudi
Senegal;Senegalese
Serbia;Serbian|Serb
Seychelles;Seychellois
Sierra Leone;Sierra Leonean
Singapore;Singaporean
Slovakia;Slovak|Slovakian
Slovenia;Slovenian|Slovene
Solomon Islands
Somalia;Somali
South Africa;South African
South Korea|Republic of Korea|ROK;South Korean
South Sudan;South Sudanese
Spain;Spanish|Spaniard
Sri Lanka;Sri Lankan
Sudan;Sudanese
Suriname;Surinamese
Sweden;Swedish|Swede
Switzerland;Swiss
Syria|Syrian Arab Republic;Syrian
Taiwan|Republic of China;Taiwanese
Tajikistan;Tajik|Tajikistani
Tanzania;Tanzanian
Thailand;Thai
Timor-Leste|East Timor;Timorese
Togo;Togolese
Tonga;Tongan
Trinidad and Tobago;Trinidadian
Tunisia;Tunisian
Turkey|Türkiye;Turkish|Turk
Turkmenistan;Turkmen
Tuvalu;Tuvaluan
Uganda;Ugandan
Ukraine;Ukrainian
United Arab Emirates|UAE|U.A.E.;Emirati
United Kingdom|UK|U.K.|Britain|Great Britain;British|Briton|Brit
United States|United States of America|U.S.|US|USA|U.S.A.|America;American
Uruguay;Uruguayan
Uzbekistan;Uzbek|Uzbekistani
Vanuatu;Ni-Vanuatu
Vatican City|Vatican|Holy See
Venezuela;Venezuelan
Vietnam|Viet Nam;Vietnamese
Yemen;Yemeni
Zambia;Zambian
Zimbabwe;Zimbabwean
England;Englishman|Englishmen
Scotland;Scottish|Scot
Wales;Welsh
Northern Ireland;Northern Irish
Hong Kong;Hong Konger
Soviet Union|USSR|U.S.S.R.;Soviet
"""

_NO_PLURAL = ("ese", "sh", "ss", "ch", "ic", "hman", "woman", "men", "i", "y", "s")
_PLURAL_OK = (
    "Pakistani",
    "Israeli",
    "Iraqi",
    "Saudi",
    "Kuwaiti",
    "Qatari",
    "Omani",
    "Yemeni",
    "Emirati",
    "Bangladeshi",
    "Somali",
    "Nepali",
    "Thai",
    "Azeri",
    "Azerbaijani",
    "Kiwi",
    "Aussie",
    "Bahraini",
    "Malawi",
)


def _plural(demonym: str) -> str | None:
    """The people-noun of a demonym ("Russian" → "Russians"), if English makes one with -s."""
    if demonym in _PLURAL_OK:
        return demonym + "s"
    if demonym.endswith(_NO_PLURAL):
        return None
    return demonym + "s"


@cache
def country_names() -> dict[str, str]:
    """Every name, alias, demonym and derived plural → the country's common English name.

    Keys keep their case: "US" is the country, "us" is not.
    """
    names: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        aliases, _, demonyms = line.partition(";")
        canonical, *others = aliases.split("|")
        for alias in (canonical, *others):
            names.setdefault(alias, canonical)
        for demonym in filter(None, demonyms.split("|")):
            names.setdefault(demonym, canonical)
            plural = _plural(demonym)
            if plural:
                names.setdefault(plural, canonical)
    return names


def country_of(text: str) -> str | None:
    """The country that `text` names, by name, alias or demonym; None if it names none."""
    names = country_names()
    found = names.get(text)
    if found is None and text.startswith(("the ", "The ")):
        found = names.get(text[4:])
    return found
