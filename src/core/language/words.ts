/**
 * Words that tell Kazakh from Russian when the letters do not. Kazakh words are written
 * properly here and matched after folding (қ → к, і → и …), so «кеше», «маган», «билмеймин»
 * typed on a Russian keyboard match too; a Kazakh word whose folded form is also a Russian
 * word («не», «да», «бас», «тур», «сен») is left out. Shared nouns (банк, карта, код) are
 * neutral: only their Kazakh endings count (see SHARED_STEMS).
 */
import { foldKazakh } from "../identifiers/text.js";

const folded = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(foldKazakh));

/** Kazakh words frequent in what victims write: pronouns, particles, time, family, verbs of the story. */
export const KAZAKH_WORDS = folded(`
  мен маған мені менің менде менен біз бізге бізді біздің сіз сізге сізді сіздің сізден сіздер
  ол оған оны оның онда одан олар оларға оларды олардың біреу біреуге ешкім ешкімге ештеңе
  бұл бұны мұны мына осы осыны сол соны сондай осындай бәрі барлығы өзім өзі өзіме өзіңіз
  қазір әлі енді тағы ғана қана деп деді дейді деген дегенмен емес еді екен екенін болды болса болып
  болған болады болмайды бар жоқ жоқпын иә иа білмеймін білемін білмедім білмейді есімде керек
  қажет және бірақ сосын содан кейін соң дейін үшін туралы арқылы бойынша қашан қайда қалай
  неге неше қанша кім кімге кімнен бе ба ме па пе ма ғой шығар ше шы ші
  кеше бүгін ертең кешке таңертең түнде түсте күндіз апта жыл былтыр биыл жаңа жаңағы
  анам анама анамның анамды анасы әкем әкеме әкемнің әкесі апам апама ағам ағама әжем әжеме
  әжемді атам атама інім қарындасым сіңлім әпкем балам балама ұлым ұлыма қызым қызыма немерем
  жиенім жиеніме жиен күйеуім әйелім келінім досым досыма досымның туысым туыстарым ата-анам
  хабарласты хабарласып хабарласқан хабарластым қоңырау шалды шалып звондады звондап айтты
  айттым айтып айтқан айтпадым айтпаңыз айтпа сұрады сұрап жазды жазып жазыпты жіберді жібердім
  жіберіп аударды аудардым аударып аударым аударған кетті кетіп кеткен кетіпті алды алдым алып
  берді бердім беріп бермедім келді келіп келген түсті түсіп шешті шешіп шешіліп рәсімдеді
  рәсімдеп ашты ашып бұғаттады бұғатталды тастады жасады жасадым жасап етті еттім етіп істеді
  істедім істеймін істеу істесем істейміз қорқытты алдады алдап алданып қайтарамыз қайтару
  қайтарып көмектесіңіз көмектесіңізші көмек отыр отырмын жатыр жатқан тұрмын
  ақша ақшам ақшаны ақшамды ақшасын қарыз несие шот шотқа шотым нөмір нөмірі нөмірін нөмірден
  сілтеме сілтемеге алаяқ алаяқтар алаяқтық адам жұмыс табыс ұтыс сыйлық сатушы сатушыға алушы
  хабарлама хабарламаны хат құпиясөз куәлік сурет үйге үйде қаласы ауданы көше
  сәлем сәлеметсіз сәлеметсізбе саламатсыз рақмет қайырлы жақсы жаман дұрыс кешіріңіз өтінемін
  түсіндім түсінбедім ұқсайды ойладым
`);

/**
 * Kazakh endings of a verb or a possessive that no place or person name ends with: a
 * capitalised word that ends so is a word, not a name («Білмеймін», «Жібердім»).
 */
export const KAZAKH_VERB_ENDINGS = [
  "мын",
  "мін",
  "пын",
  "пін",
  "бын",
  "бін",
  "дым",
  "дім",
  "тым",
  "тім",
  "ңыз",
  "ңіз",
  "майды",
  "мейді",
  "йды",
  "йді",
  "ыпты",
  "іпті",
  "мыз",
  "міз",
];

/**
 * Nouns both languages use (банк, карта, код, телефон…): neutral as they are, Kazakh with a
 * Kazakh ending («банктен», «картамнан», «кодты»), Russian with a Russian one (not counted).
 */
export const SHARED_STEMS = [
  "банк",
  "карта",
  "карточка",
  "код",
  "телефон",
  "номер",
  "смс",
  "сайт",
  "полиция",
  "курьер",
  "кредит",
  "перевод",
  "заявка",
  "ссылка",
  "приложение",
  "менеджер",
  "оператор",
  "сим",
].map(foldKazakh);

/** Kazakh case, possessive and plural endings (folded), after a shared stem or a hyphen. */
export const KAZAKH_ENDINGS = folded(`
  ны ні ды ді ты ті ға ге қа ке да де та те нда нде дан ден тан тен нан нен мен бен пен
  ның нің дың дің тың тің лар лер дар дер тар тер сы сі сын сін ым ім мнан мнен мды мді ма ме
  мның мнің дағы дегі тағы тегі ндағы ндегі ға ыңыз іңіз ңыз ңіз ымды імді
`);

/** Frequent Russian words no Kazakh sentence uses: function words, pronouns, verbs of the story. */
export const RUSSIAN_FUNCTION_WORDS = new Set(
  `
  на что чтобы это как так но или из от до по за для без при про под над об со во же ли бы
  уже еще ещё только очень тоже также мне меня мной мой моя мою моей мои моих моему он она они
  оно его ее её ему ей им их них нему ней мы нас нам вы вас вам ваш ваша ты тебе тебя свой свою
  себя себе кто где когда почему зачем сколько какой какая какие какой-то который которая
  которые был была было были будет есть нет надо нужно можно сказали сказал сказала говорят
  говорил говорила говорит позвонили позвонил позвонила звонили звонил звонила звонят звонит
  написали написал написала пишут пишет прислали прислал попросили просили просил просят перевела
  перевел перевёл перевели перевести сняли снял сняла списали украли обманули обманул оформили
  оформил взяли взял отправила отправил отправили отправить назвала назвал сообщила сообщил
  помогите помочь подскажите знаю помню хочу могу понял поняла никому никто ничего всё все
  сегодня вчера утром вечером ночью днем днём сейчас потом сначала после через вдруг якобы
  здравствуйте привет спасибо пожалуйста
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Russian words a Kazakh speaker may drop into Kazakh too: weaker evidence. */
export const RUSSIAN_CONTENT_WORDS = new Set(
  `
  деньги денег деньгами карту картой карточку счет счёт счета мошенники мошенник мошенников
  мошенникам мама маме мамы мамой папа отец сын сыну дочь брат сестра бабушка бабушку дедушка
  муж жена друг подруга знакомый внук внука внуку улица город район область данные заявление
  полицию банка банке банку доставку оплату ссылку номера номеру продавец покупатель
  понятно верно точно можете может тысяч тысячи два три четыре пять сто час часа дня минут
  рублей фото залог всего ушло ушли пришло пришли получатель уверен уверена
`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Russian endings no Kazakh word has, even typed without Kazakh letters: adjectives,
 * infinitives, reflexives, past tense of longer verbs. Loanword endings both languages
 * share (-ция, -ние, -ия) are not here.
 */
export const RUSSIAN_ENDINGS = [
  "ться",
  "тся",
  "ешь",
  "ишь",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "ами",
  "ями",
  "ую",
  "юю",
  "ая",
  "яя",
  "ий",
  "ый",
  "ов",
  "ев",
  "ях",
  "лся",
  "лась",
  "лись",
  "вший",
  "вшая",
  "ющий",
  "ющая",
  "ящий",
  "ать",
  "ять",
  "ить",
  "еть",
  "уть",
  "ыть",
  "ость",
  "ости",
  "ила",
  "ыла",
  "ела",
  "или",
  "ыли",
  "ели",
  "ило",
  "ыло",
  "овал",
  "евал",
  "овала",
];

/** One-letter Russian words (Kazakh has none in running text). */
export const RUSSIAN_LETTER_WORDS = new Set(["и", "в", "с", "к", "у", "о", "а", "я"]);

/** Kazakh typed in Latin letters (the 2021 alphabet, or the way people improvise it). */
export const KAZAKH_LATIN_WORDS = new Set(
  `
  magan maǵan sagan ogan meni menin menіn bizge sizge sizdi onyn olar olarga eshkim eshkimge
  eshteme biraq birak sosyn sodan keyin kein ushin turaly arqyly arkyly qashan kashan qaida kaida
  qalai kalai nege qansha kansha joq jok zhok joqpyn jokpyn iya emes edi eken boldy bolsa dedi
  deidi dep aitty aytty aityp aitqan aitpa keldi ketti ketip aldy alyp berdi jatyr zhatyr keshe
  bugin bügin erten qazir kazir endi tagy gana qana jane zhane anam anama akem ákem apam agam
  aǵam ajem azhem balam ulym qyzym kyzym aqsha aksha aqshany akshany aqsham aksham aqshamdy
  kartamnan kartadan kartamdan kartama kartany bankten bankke habarlasty khabarlasty xabarlasty
  habarlasyp khabarlasyp qonyrau konyrau qońyrau shaldy shalyp audardy audardym audaryp jiberdi
  zhiberdi jiberdim salem salemetsiz raqmet alaiaq alayaq alaiaqtar nomir nomirden silteme
  kerek komek komektesiniz otinemin zhumys jumys tabys qaryz karyz nesie shot shotqa shotym
  bilmeimin bilmeymin isteimiz isteimin qorqyp korkyp otyr tuste
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Short Latin words Kazakh shares with English: counted, but weakly. */
export const KAZAKH_LATIN_SHORT = new Set([
  "men",
  "sen",
  "siz",
  "biz",
  "ol",
  "bar",
  "be",
  "ba",
  "me",
  "pe",
  "pa",
  "ma",
]);

/** Russian typed in Latin letters. */
export const RUSSIAN_LATIN_WORDS = new Set(
  `
  mne menya menia chto shto eto kak tak ili iz ot po za dlya bez uzhe esche eshe tolko ochen moi
  moy moya moyu moey ona oni ego ikh nas nam vy vas vam ty tebe tebya kto gde kogda pochemu skolko
  byl byla bylo byli budet est net nado nuzhno mozhno skazali skazal skazala pozvonili pozvonil
  pozvonila zvonili zvonil zvonyat zvonit napisali napisal prislali poprosili prosili perevela
  perevel pereveli snyali spisali ukrali obmanuli oformili vzyali otpravila otpravil pomogite
  pomoch podskazhite znayu pomnyu hochu khochu mogu dengi deneg kartu karty kartoy schet moshenniki
  moshennik segodnya vchera utrom vecherom seichas seychas potom snachala posle cherez zdravstvuyte
  zdravstvuite privet spasibo pozhaluista pozhaluysta mame nikomu nikto nichego govoril govorila
  kakoy kakoi kakoy-to sledovatel policii prilozhenie ustanovit nazvala nazval
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Latin words with q that are not Kazakh. */
export const LATIN_Q_WORDS = new Set(["qr", "faq", "iq", "qiwi", "qwerty", "q"]);
