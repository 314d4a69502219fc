// Русский каталог: те же ключи, что в en.ts.
import type { Key } from './en';
import type { Message } from './catalogue';

export const ru: Record<Key, Message> = {
  'app.title': 'Chat Members',
  'app.loading': 'Загрузка…',
  'app.skip': 'Перейти к основному содержимому',

  'lang.label': 'Язык',
  'lang.en': 'English',
  'lang.ru': 'Русский',

  'copy.button': 'Копировать',
  'copy.done': 'Скопировано',
  'copy.failed': 'Не удалось скопировать. Выделите текст и скопируйте его вручную.',

  'welcome.heading': 'Добавляйте коллег в чаты Google Chat',
  'welcome.intro': 'Выберите, с чем вы будете работать. Изменить выбор можно позже, выйдя из аккаунта.',
  'welcome.demo.heading': 'Сначала потренироваться',
  'welcome.demo.text':
    'Учебное рабочее пространство с вымышленными людьми и чатами. Ничего из того, что вы там сделаете, не попадёт в Google.',
  'welcome.demo.button': 'Попробовать демо',
  'welcome.live.heading': 'Работать со своей организацией',
  'welcome.live.text':
    'Работайте с настоящими чатами вашего Google Workspace. Понадобится файл client_secret.json из вашего проекта Google Cloud.',
  'welcome.live.button': 'Подключить Google Workspace',
  'welcome.live.notAllowed':
    'В этой сборке для разработчиков подключить настоящее рабочее пространство нельзя. Воспользуйтесь демо.',
  'welcome.secret.heading': 'Что такое файл client_secret.json?',
  'welcome.secret.text':
    'Это небольшой файл, который сообщает Google, для какого проекта Cloud работает приложение. Пароля в нём нет. Его может подготовить администратор Google Workspace, или вы можете сделать его сами:',
  'welcome.secret.step1':
    'Откройте консоль Google Cloud (console.cloud.google.com) и выберите проект своей организации или создайте новый.',
  'welcome.secret.step2':
    'Перейдите в раздел «API и сервисы» (APIs & Services), затем «Библиотека» (Library): найдите Google Chat API и нажмите «Включить» (Enable).',
  'welcome.secret.step3':
    'Откройте Google Chat API, затем «Конфигурация» (Configuration): укажите название приложения Chat, адрес аватара и описание и нажмите «Сохранить» (Save). Google требует этого, даже если Chat Members действует от вашего имени.',
  'welcome.secret.step4':
    'Настройте экран согласия в Google Auth Platform (Branding и Audience): выберите «Внутреннее» (Internal), чтобы входить могли только аккаунты вашей организации.',
  'welcome.secret.step5':
    'В Google Auth Platform откройте «Клиенты» (Clients) и нажмите «Создать клиент» (Create client). В поле «Тип приложения» (Application type) выберите «Приложение для ПК» (Desktop app), введите название и нажмите «Создать» (Create).',
  'welcome.secret.step6': 'Нажмите «Скачать JSON» (Download JSON) и выберите этот файл здесь.',
  'welcome.busy': 'Подождите…',
  'welcome.again.heading': 'Продолжить работу с организацией',
  'welcome.again.text':
    'Файл client_secret.json сохранён (клиент OAuth {clientId}). Войдите в аккаунт Google, чтобы продолжить.',
  'welcome.again.button': 'Войти снова',
  'welcome.cancelled': 'Вход отменён. Начните заново, когда будете готовы.',

  'signin.heading': 'Завершите вход в браузере…',
  'signin.text':
    'В браузере открылась страница входа Google. Выберите аккаунт, разрешите доступ и вернитесь в это окно.',
  'signin.demoText':
    'В браузере открылась демонстрационная страница входа. Выберите демо-пользователя, разрешите доступ и вернитесь в это окно.',
  'signin.cancel': 'Отмена',
  'signin.fallback.heading': 'Браузер не открылся? Скопируйте эту ссылку',
  'signin.fallback.text': 'Вставьте её в адресную строку браузера.',
  'signin.fallback.field': 'Ссылка для входа',

  'signin.failed.heading': 'Не удалось открыть браузер',
  'signin.failed.text': 'Чтобы войти, откройте эту ссылку в браузере:',
  'signin.failed.after': 'Выберите там свой аккаунт, разрешите доступ и вернитесь в это окно.',
  'signin.failed.demoAfter': 'Выберите там демо-пользователя, разрешите доступ и вернитесь в это окно.',

  'header.signedInAs': 'Вы вошли как {account}',
  'header.demo': 'Демо',
  'header.signOut': 'Выйти',
  'header.signingOut': 'Выход…',
  'header.admin': 'Действовать как администратор',
  'header.adminOn': 'Режим администратора включён',
  'header.adminChecking': 'Проверяем ваши права администратора…',

  'admin.consent.heading': 'Ждём вашего разрешения в браузере',
  'admin.consent.text':
    'Режиму администратора нужно разрешение находить все чаты вашей организации и управлять их участниками: разрешите это в браузере и вернитесь в это окно.',
  'admin.failed': 'Не удалось включить режим администратора',
  'admin.dismiss': 'Закрыть',

  'orgSpaces.heading': 'Все чаты вашей организации',
  'orgSpaces.hint':
    'Режим администратора: все именованные чаты вашей организации, найденные Google. Чаты, в которых вас нет, отмечены.',
  'orgSpaces.search': 'Поиск по названию чата во всей организации',
  'orgSpaces.searchPlaceholder': 'Слова из названия',
  'orgSpaces.refreshLabel': 'Заново найти чаты организации',
  'orgSpaces.list': 'Выберите чат вашей организации',
  'orgSpaces.notMember': 'Вы не участник',
  'orgSpaces.loading': 'Ищем в вашей организации…',
  'orgSpaces.loadingMore': 'Загружаем ещё…',
  'orgSpaces.more': 'Показать ещё чаты',
  'orgSpaces.empty': 'В вашей организации нет чата с такими словами в названии.',
  'orgSpaces.error': 'Не удалось найти чаты вашей организации',
  'orgSpaces.count': {
    one: 'Показано {shown} из {count} чата',
    few: 'Показано {shown} из {count} чатов',
    many: 'Показано {shown} из {count} чатов',
    other: 'Показано {shown} из {count} чата',
  },

  'spaces.heading': 'Чаты',
  'spaces.search': 'Поиск чатов',
  'spaces.searchPlaceholder': 'Введите часть названия',
  'spaces.filter': 'Показать',
  'spaces.filter.all': 'Все',
  'spaces.filter.SPACE': 'Пространства',
  'spaces.filter.GROUP_CHAT': 'Групповые чаты',
  'spaces.filter.DIRECT_MESSAGE': 'Личные сообщения',
  'spaces.list': 'Выберите чат',
  'spaces.type.SPACE': 'Пространство',
  'spaces.type.GROUP_CHAT': 'Групповой чат',
  'spaces.type.DIRECT_MESSAGE': 'Личные сообщения',
  'spaces.type.other': 'Беседа',
  'spaces.untitled': 'Пространство без названия',
  'spaces.external': 'Открыто для людей из других организаций',
  'spaces.loading': 'Загружаем ваши чаты…',
  'spaces.empty': 'Вы пока не участвуете ни в одном чате.',
  'spaces.noMatch': 'Ничего не найдено.',
  'spaces.error': 'Не удалось загрузить чаты',
  'spaces.retry': 'Повторить',
  'spaces.refresh': 'Обновить',
  'spaces.refreshLabel': 'Обновить список чатов',
  'spaces.count': {
    one: 'Показан {count} чат',
    few: 'Показано {count} чата',
    many: 'Показано {count} чатов',
    other: 'Показано {count} чата',
  },

  'add.heading': 'Добавить в «{space}»',
  'add.headingNone': 'Добавить участника',
  'add.noSpace': 'Выберите чат слева, чтобы добавить в него участника.',
  'add.who': 'Кого вы хотите добавить?',
  'add.person': 'Человека',
  'add.app': 'Это приложение Chat',
  'add.appHelp': 'Добавляет приложение Chat вашего проекта Google Cloud в этот чат, чтобы оно могло в нём писать.',
  'add.dmAppOnly': 'В личные сообщения можно добавить только это приложение Chat.',
  'add.adminNoApps': 'В режиме администратора добавляются только люди: Google не позволяет добавлять приложения с правами администратора.',
  'add.adminOrg': 'В режиме администратора добавляются только люди из вашей организации ({domain}).',
  'add.adminOutsider':
    '{value} не из вашей организации ({domain}), а с правами администратора можно добавлять только людей из вашей организации. Чтобы пригласить этого человека, выключите режим администратора и добавьте его в чат, которым вы управляете и в который можно приглашать внешних пользователей.',
  'add.email': 'Адрес электронной почты',
  'add.emailHelp': 'Рабочий адрес коллеги или числовой идентификатор пользователя Google.',
  'add.emailPlaceholder': 'name@example.com',
  'add.submit': 'Добавить',
  'add.busy': 'Добавляем…',
  'add.empty': 'Введите адрес электронной почты.',
  'add.malformed':
    '«{value}» не похоже на адрес электронной почты. Проверьте, нет ли опечаток, например: name@example.com.',
  'add.consent.heading': 'Ждём вашего разрешения в браузере',
  'add.consent.text':
    'Приложению Chat Members нужно ещё одно разрешение. Подтвердите его в браузере и вернитесь в это окно.',
  'add.consent.fallback': 'Браузер не открылся? Скопируйте эту ссылку и вставьте её в адресную строку.',
  'add.consent.field': 'Ссылка на страницу разрешения',
  'add.consent.cancel': 'Отмена',
  'add.consent.failed': 'Не удалось открыть браузер. Откройте эту ссылку в браузере:',
  'add.consent.failedAfter': 'Подтвердите там разрешение и вернитесь в это окно.',
  'add.failedIn': 'Не удалось добавить в «{space}»',
  'add.failed': 'Не удалось добавить',

  'store.heading': 'Вход не сохранён на этом компьютере',

  'problem.details': 'Подробности',
  'problem.code': 'Код: {code}',
  'problem.retryable': 'Обычно это временно. Повторите попытку через минуту.',

  'card.heading.joined': 'Добавлено',
  'card.heading.invited': 'Приглашение отправлено',
  'card.heading.already': 'Уже участвует',
  'card.heading.alreadyInvited': 'Приглашение уже отправлено',
  'card.heading.other': 'Результат',
  'card.summary.other': 'Google сообщил необычный статус для {member} в чате «{space}».',
  'card.invitedExplain': 'Чат станет виден после того, как приглашение будет принято.',
  'card.timeInvited': 'Дата приглашения',
  'card.details': 'Подробности',
  'card.member': 'Участник',
  'card.state': 'Статус',
  'card.role': 'Роль',
  'card.time': 'Дата добавления',
  'card.space': 'Чат',
  'card.resource': 'Имя ресурса',
  'card.copyResource': 'Копировать имя ресурса',
  'card.open': 'Открыть в Google Chat',
  'card.app': 'Это приложение Chat',
  'card.summary.joined': '{member} теперь участвует в чате «{space}».',
  'card.summary.invited': 'Приглашение в чат «{space}» отправлено: {member}.',
  'card.summary.already': '{member} уже участвует в чате «{space}». Ничего не изменилось.',
  'card.summary.alreadyInvited':
    '{member} уже приглашён(а) в чат «{space}», но ещё не принял(а) приглашение. Ничего не изменилось.',

  'state.JOINED': 'Участвует в чате',
  'state.INVITED': 'Приглашение отправлено',
  'state.NOT_A_MEMBER': 'Не участник',
  'state.already': 'Уже участник',
  'state.other': 'Неизвестно',

  'role.ROLE_MEMBER': 'Участник',
  'role.ROLE_ASSISTANT_MANAGER': 'Менеджер',
  'role.ROLE_MANAGER': 'Владелец',
  'role.other': 'Без роли',

  'problem.unexpected.message': 'Произошла непредвиденная ошибка.',
  'problem.unexpected.fix': 'Попробуйте ещё раз. Если ошибка повторяется, перезапустите Chat Members.',
};
