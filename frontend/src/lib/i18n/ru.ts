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
  // Ниже — ровно те коды, которые выдаёт Go-бэкенд (проверяет backend-codes.test.ts).
  'problem.internal.message': 'Произошла непредвиденная ошибка.',
  'problem.internal.fix': 'Попробуйте ещё раз. Если ошибка повторяется, перезапустите Chat Members.',

  // backend/auth: файл client_secret.json
  'problem.auth.secret_not_json.message': 'Это не файл client_secret.json из Google Cloud.',
  'problem.auth.secret_not_json.fix':
    'В консоли Google Cloud откройте «API и сервисы» > «Учетные данные» (APIs & Services > Credentials), скачайте JSON своего клиента OAuth типа «Приложение для ПК» (Desktop app) и выберите этот файл.',
  'problem.auth.secret_too_large.message': 'Этот файл слишком большой для client_secret.json.',
  'problem.auth.secret_too_large.fix':
    'Выберите небольшой файл JSON, который вы скачали для клиента OAuth в консоли Google Cloud.',
  'problem.auth.secret_web_client.message':
    'Этот файл создан для веб-приложения, а Chat Members нужен клиент OAuth типа «Приложение для ПК» (Desktop app).',
  'problem.auth.secret_web_client.fix':
    'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  'problem.auth.secret_service_account.message': 'Это ключ сервисного аккаунта, а не клиент OAuth.',
  'problem.auth.secret_service_account.fix':
    'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  'problem.auth.secret_unknown_type.message':
    'В этом файле нет клиента OAuth типа «Приложение для ПК» (Desktop app).',
  'problem.auth.secret_unknown_type.fix':
    'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  'problem.auth.secret_missing_field.message': 'Файл client_secret.json неполный: в нём нет значения {field}.',
  'problem.auth.secret_missing_field.fix':
    'Скачайте JSON клиента OAuth типа «Приложение для ПК» из консоли Google Cloud заново и выберите новый файл.',
  'problem.auth.secret_bad_uri.message':
    'Файл client_secret.json, похоже, повреждён: значение {field} не является веб-адресом.',
  'problem.auth.secret_bad_uri.fix':
    'Скачайте JSON клиента OAuth типа «Приложение для ПК» из консоли Google Cloud заново и выберите новый файл.',
  'problem.auth.secret_not_google.message':
    'Значение {field} в этом файле клиента отправляет ваш вход на {host}, а это не Google.',
  'problem.auth.secret_not_google.fix':
    'Скачайте JSON клиента OAuth типа «Приложение для ПК» сами из консоли Google Cloud («API и сервисы» > «Учетные данные») и выберите этот файл. Не используйте файл клиента, присланный кем-то другим.',
  'problem.auth.secret_not_file.message': 'Это не файл, который Chat Members может прочитать как client_secret.json.',
  'problem.auth.secret_not_file.fix':
    'Выберите JSON-файл клиента OAuth типа «Приложение для ПК», скачанный из консоли Google Cloud.',
  'problem.auth.secret_unreadable.message': 'Chat Members не удалось прочитать этот файл.',
  'problem.auth.secret_unreadable.fix':
    'Проверьте, что файл на месте и у вас есть право его открывать, и выберите его снова.',
  // backend/auth: вход и выход
  'problem.auth.listen_failed.message': 'Chat Members не удалось подготовиться к приёму ответа от браузера при входе.',
  'problem.auth.listen_failed.fix':
    'Попробуйте ещё раз. Если ошибка повторяется, проверьте, что антивирус или брандмауэр разрешает Chat Members принимать подключения на этом компьютере.',
  'problem.auth.state_mismatch.message':
    'Вход прерван: браузер вернул ответ от другой попытки входа.',
  'problem.auth.state_mismatch.fix':
    'Начните вход заново и завершите его на той вкладке браузера, которую откроет Chat Members.',
  'problem.auth.denied.message': 'Вы не разрешили Chat Members доступ к своему аккаунту Google.',
  'problem.auth.denied.fix': 'Войдите снова и нажмите «Разрешить» на странице Google.',
  'problem.auth.authorization_failed.message': 'Google не позволил вам войти в Chat Members.',
  'problem.auth.authorization_failed.fix':
    'Уточните у администратора Google Workspace, можно ли использовать Chat Members в вашей организации, и войдите снова.',
  'problem.auth.cancelled.message': 'Вход отменён.',
  'problem.auth.cancelled.fix': 'Войдите снова, когда будете готовы.',
  'problem.auth.timeout.message': 'Вход занял слишком много времени и был прерван.',
  'problem.auth.timeout.fix': 'Войдите снова и завершите вход в браузере в течение нескольких минут.',
  'problem.auth.busy.message': 'Вход уже выполняется.',
  'problem.auth.busy.fix': 'Завершите вход в браузере или отмените его, прежде чем начинать новый.',
  'problem.auth.exchange_failed.message': 'Google не принял вход.',
  'problem.auth.exchange_failed.fix':
    'Войдите снова. Если ошибка повторяется, скачайте client_secret.json из консоли Google Cloud заново и выберите его.',
  'problem.auth.client_rejected.message': 'Google не принимает клиент OAuth из вашего файла client_secret.json.',
  'problem.auth.client_rejected.fix':
    'Проверьте в консоли Google Cloud, что ваш клиент OAuth типа «Приложение для ПК» ещё существует, скачайте его JSON заново и выберите новый файл.',
  'problem.auth.network.message': 'Chat Members не удаётся связаться с Google.',
  'problem.auth.network.fix': 'Проверьте подключение к интернету и попробуйте ещё раз.',
  'problem.auth.no_identity.message': 'Google не сообщил, с каким аккаунтом вы вошли.',
  'problem.auth.no_identity.fix':
    'Войдите снова. Если ошибка повторяется, скачайте client_secret.json из консоли Google Cloud заново и выберите его.',
  'problem.auth.wrong_account.message':
    'В браузере вы выбрали {chosen}, но в Chat Members вы вошли как {account}, поэтому {chosen} не использован.',
  'problem.auth.wrong_account.fix':
    'Попробуйте ещё раз и выберите {account} на странице Google. Чтобы работать как {chosen}, сначала выйдите, затем войдите с этим аккаунтом.',
  'problem.auth.not_signed_in.message': 'Вы не вошли в аккаунт.',
  'problem.auth.not_signed_in.fix': 'Войдите со своим аккаунтом Google.',
  'problem.auth.expired.message': 'Срок действия входа истёк, нужно войти снова.',
  'problem.auth.expired.fix':
    'Войдите снова. Если это случается каждую неделю, ваш экран согласия OAuth (OAuth consent screen) находится в режиме тестирования (Testing), а в нём Google завершает вход через 7 дней. Опубликуйте приложение (Publish app) или сделайте его внутренним (Internal).',
  'problem.auth.store_failed.message': 'Chat Members не удалось сохранить или прочитать данные входа на этом компьютере.',
  'problem.auth.store_failed.fix':
    'Работать можно и дальше, но в следующий раз, возможно, придётся войти снова. Проверьте, что в вашу домашнюю папку можно сохранять файлы.',
  'problem.auth.revoke_failed.message':
    'На этом компьютере вы вышли из аккаунта, но сообщить Google о завершении входа не удалось.',
  'problem.auth.revoke_failed.fix':
    'Больше ничего делать не нужно. Для надёжности, когда будете в сети, удалите Chat Members на странице myaccount.google.com/permissions.',

  // backend/workspace
  'problem.workspace.none.message': 'Рабочее пространство ещё не выбрано.',
  'problem.workspace.none.fix': 'Сначала выберите демо или подключите свой Google Workspace.',
  'problem.workspace.signed_out.message': 'Вы не вошли в аккаунт.',
  'problem.workspace.signed_out.fix': 'Войдите через Google и попробуйте ещё раз.',
  'problem.workspace.live_refused.message': 'Эта тестовая сборка работает только с демо.',
  'problem.workspace.live_refused.fix':
    'Чтобы подключить свой Google Workspace, запустите установленное приложение Chat Members.',
  'problem.workspace.save_failed.message': 'Chat Members не удалось сохранить настройки на этом компьютере.',
  'problem.workspace.save_failed.fix':
    'Проверьте, что в вашу домашнюю папку можно сохранять файлы, и попробуйте ещё раз.',
  'problem.workspace.no_config_dir.message': 'Chat Members не удалось найти папку для своих настроек.',
  'problem.workspace.no_config_dir.fix':
    'Проверьте, что у вашей учётной записи на компьютере есть домашняя папка, и попробуйте ещё раз.',
  'problem.workspace.bad_link.message': 'Эта ссылка ведёт не в Google Chat, поэтому она не открыта.',
  'problem.workspace.bad_link.fix': 'Откройте Google Chat самостоятельно: chat.google.com.',
  'problem.workspace.browser_failed.message': 'Не удалось открыть браузер.',
  'problem.workspace.browser_failed.fix': 'Скопируйте этот адрес в браузер самостоятельно: {link}',
  'problem.workspace.no_file.message': 'Файл не выбран.',
  'problem.workspace.no_file.fix': 'Выберите файл client_secret.json, скачанный из консоли Google Cloud.',
  'problem.workspace.dialog_failed.message': 'Не удалось открыть окно выбора файла.',
  'problem.workspace.dialog_failed.fix': 'Попробуйте ещё раз. Если не поможет, перезапустите Chat Members.',

  // коды backend/chat
  'problem.chat.invalid_space.message': 'Это не чат Google Chat.',
  'problem.chat.invalid_space.fix': 'Выберите чат в списке ещё раз.',
  'problem.chat.empty_person.message': 'Адрес электронной почты не указан.',
  'problem.chat.empty_person.fix': 'Введите адрес электронной почты, например jane@example.com.',
  'problem.chat.invalid_email.message': '«{email}» — неправильный адрес электронной почты.',
  'problem.chat.invalid_email.fix':
    'Проверьте, нет ли в адресе опечаток, пробелов или пропущенных частей. Пример: jane@example.com.',
  'problem.chat.invalid_person.message': '«{person}» — это не адрес электронной почты и не идентификатор пользователя Google.',
  'problem.chat.invalid_person.fix': 'Введите адрес электронной почты, например jane@example.com.',
  'problem.chat.dm_app_only.message': 'В личные сообщения нельзя добавлять людей — только приложение Chat.',
  'problem.chat.dm_app_only.fix': 'Добавьте людей в пространство или групповой чат.',
  'problem.chat.app_not_configured.message':
    'В проекте Google Cloud, через который работает Chat Members, не настроено приложение Chat, поэтому Google отклоняет запросы.',
  'problem.chat.app_not_configured.fix':
    'В консоли Google Cloud откройте Google Chat API > Configuration, укажите название приложения, адрес аватара и описание и сохраните.',
  'problem.chat.invalid_member.message': 'Google не принял адрес или идентификатор этого человека.',
  'problem.chat.invalid_member.fix': 'Проверьте адрес электронной почты или идентификатор и попробуйте ещё раз.',
  'problem.chat.scope_missing.message': 'Для этого Chat Members нужно ещё одно ваше разрешение.',
  'problem.chat.scope_missing.fix':
    'Дайте разрешение, которое запросит Google. Если Google ничего не спрашивает, выйдите и войдите снова.',
  'problem.chat.permission_denied.message': 'У вас нет права добавлять участников в этот чат.',
  'problem.chat.permission_denied.fix':
    'Попросите менеджера чата назначить менеджером вас или добавить этого человека самому.',
  'problem.chat.external_not_allowed.message':
    '{email} — не из вашей организации, а в этот чат можно добавлять только сотрудников вашей организации.',
  'problem.chat.external_not_allowed.fix':
    'Добавьте этого человека в чат, открытый для внешних участников: у существующего чата эту настройку изменить нельзя.',
  'problem.chat.admin_must_grant.message':
    'Прежде чем Chat Members сможет это сделать, его должен одобрить администратор Google Workspace.',
  'problem.chat.admin_must_grant.fix':
    'Попросите администратора разрешить Chat Members в консоли администратора (Безопасность > Управление доступом к API).',
  'problem.chat.workspace_only.message':
    'API Google Chat работает только с аккаунтами Google Workspace, а не с личными аккаунтами Google.',
  'problem.chat.workspace_only.fix': 'Войдите с рабочим или учебным аккаунтом.',
  'problem.chat.chat_off.message': 'Для вашего аккаунта отключён Google Chat.',
  'problem.chat.chat_off.fix': 'Попросите администратора Google Workspace включить для вас Google Chat.',
  'problem.chat.precondition.message': 'Сейчас Google не может внести это изменение в чат.',
  'problem.chat.precondition.fix': 'Откройте чат в Google Chat, проверьте его и попробуйте ещё раз.',
  'problem.chat.space_not_found.message': 'Чат не найден, или вы больше в нём не участвуете.',
  'problem.chat.space_not_found.fix':
    'Обновите список чатов. Если чата в нём по-прежнему нет, попросите одного из его менеджеров добавить вас.',
  'problem.chat.person_not_found.message': 'Google не нашёл никого с адресом или идентификатором {person}.',
  'problem.chat.person_not_found.fix':
    'Проверьте, нет ли опечаток. У человека должен быть аккаунт Google; если вы указали идентификатор, попробуйте вместо него адрес электронной почты.',
  'problem.chat.already_member.message': 'Этот человек уже участвует в чате.',
  'problem.chat.already_member.fix': 'Ничего делать не нужно.',
  'problem.chat.quota.message': 'Google ограничивает скорость работы Chat Members.',
  'problem.chat.quota.fix': 'Подождите минуту и попробуйте ещё раз.',
  'problem.chat.signed_out.message': 'Срок действия входа в Google истёк, или доступ был отозван.',
  'problem.chat.signed_out.fix': 'Войдите в аккаунт Google ещё раз.',
  'problem.chat.google_unavailable.message': 'Google Chat сейчас работает с перебоями.',
  'problem.chat.google_unavailable.fix': 'Попробуйте ещё раз через несколько минут.',
  'problem.chat.network.message': 'Chat Members не удаётся связаться с Google.',
  'problem.chat.network.fix': 'Проверьте подключение к интернету и попробуйте ещё раз.',
  'problem.chat.cancelled.message': 'Запрос отменён.',
  'problem.chat.cancelled.fix': 'Запустите его снова, когда будете готовы.',
  'problem.chat.bad_request.message': 'Google отклонил запрос.',
  'problem.chat.bad_request.fix': 'Проверьте введённые данные и попробуйте ещё раз; причина, указанная Google, — в подробностях.',
  'problem.chat.bad_response.message': 'Google прислал ответ, который Chat Members не смог прочитать.',
  'problem.chat.bad_response.fix':
    'Попробуйте ещё раз. Если ошибка повторяется, отправьте подробности тому, кто сопровождает Chat Members.',
  'problem.chat.too_many_spaces.message': 'Вы участвуете в большем числе чатов, чем может показать Chat Members.',
  'problem.chat.too_many_spaces.fix':
    'Выйдите из ненужных чатов или обратитесь к тому, кто сопровождает Chat Members.',
  'problem.chat.too_many_members.message': 'В этом чате больше участников, чем может показать Chat Members.',
  'problem.chat.too_many_members.fix': 'Откройте чат в Google Chat, чтобы увидеть его участников.',
  'problem.chat.invalid_membership.message': 'Это не участник чата Google Chat.',
  'problem.chat.invalid_membership.fix': 'Обновите список участников и выберите человека снова.',
  'problem.chat.invalid_role.message': 'У участника чата не может быть такой роли.',
  'problem.chat.invalid_role.fix': 'Выберите роль: участник, менеджер или владелец.',
  'problem.chat.role_not_allowed.message': 'Вы не можете дать эту роль участнику {member}.',
  'problem.chat.role_not_allowed.fix':
    'Менеджеры могут делать участников менеджерами; сделать кого-то владельцем или изменить роль владельца может только владелец. Попросите владельца чата.',
  'problem.chat.remove_not_allowed.message': 'Вы не можете удалить участника {member} из этого чата.',
  'problem.chat.remove_not_allowed.fix':
    'Менеджеры могут удалять участников; менеджеров и других владельцев может удалять только владелец. Попросите владельца чата.',
  'problem.chat.last_owner.message':
    '{member} — единственный владелец этого чата, а Google требует, чтобы у каждого чата был владелец.',
  'problem.chat.last_owner.fix': 'Сначала сделайте владельцем кого-то другого, затем попробуйте снова.',
  'problem.chat.member_gone.message': 'Этого человека уже нет в чате: возможно, он только что вышел или его удалили.',
  'problem.chat.member_gone.fix': 'Обновите список участников.',
  'problem.chat.confirm_leave.message': 'Так вы удалите из чата себя и больше не будете его видеть.',
  'problem.chat.confirm_leave.fix': 'Подтвердите ещё раз, что хотите выйти из чата.',
  'problem.chat.no_role.message': 'У приложений Chat и групп Google нет роли в чате; роль есть только у людей.',
  'problem.chat.no_role.fix': 'Измените роль человека.',
  'problem.chat.roles_only_in_spaces.message':
    'Менеджеры и владельцы бывают только в пространствах, а не в групповых чатах и личных сообщениях.',
  'problem.chat.roles_only_in_spaces.fix': 'Добавьте человека как участника или выберите пространство.',
  'problem.chat.not_invited.message': '{member} уже принял приглашение, отменять нечего.',
  'problem.chat.not_invited.fix': 'Обновите список участников. Чтобы убрать человека из чата, удалите его.',
  'problem.chat.unexpected.message': 'Google ответил не так, как ожидал Chat Members.',
  'problem.chat.unexpected.fix':
    'Попробуйте ещё раз. Если ошибка повторяется, отправьте подробности тому, кто сопровождает Chat Members.',
  'problem.chat.not_admin.message': 'У вашей учётной записи нет прав администратора Google Workspace для Chat.',
  'problem.chat.not_admin.fix':
    'Выключите режим администратора или попросите суперадминистратора выдать вам право «Управление чатами и беседами в Chat».',
  'problem.chat.invalid_search.message':
    'Названия чатов нельзя искать с кавычками, обратной косой чертой или слишком длинным текстом.',
  'problem.chat.invalid_search.fix': 'Введите часть названия чата, не длиннее 200 символов, без " и \\.',
  'problem.chat.invalid_page_token.message': 'Chat Members потерял место в списке.',
  'problem.chat.invalid_page_token.fix': 'Загрузите список заново с начала.',
  'problem.chat.invalid_group.message': 'Это не группа Google, которую Chat Members может добавить.',
  'problem.chat.invalid_group.fix': 'Добавьте группу по её адресу электронной почты.',
  'problem.chat.group_named_spaces_only.message':
    'Группы Google можно добавлять только в чаты с названием, а не в групповые беседы или личные сообщения.',
  'problem.chat.group_named_spaces_only.fix': 'Добавьте участников группы по одному или выберите чат с названием.',
  'problem.chat.admin_no_apps.message': 'Приложения нельзя добавлять с правами администратора.',
  'problem.chat.admin_no_apps.fix': 'Выключите режим администратора и добавьте приложение как участник чата.',
  'problem.chat.admin_outsider.message':
    '{email} не из вашей организации, а с правами администратора можно добавлять только людей из вашей организации.',
  'problem.chat.admin_outsider.fix':
    'Выключите режим администратора и добавьте человека как менеджер чата, в который можно приглашать внешних пользователей.',
  'problem.chat.group_unknown.message': 'Google Chat не знает такой группы Google.',
  'problem.chat.group_unknown.fix': 'Проверьте адрес группы: добавлять можно только группы вашей организации.',
  'problem.directory.empty_query.message': 'Введите имя или адрес электронной почты для поиска.',
  'problem.directory.empty_query.fix': 'Введите хотя бы одну букву имени.',
  'problem.directory.invalid_query.message': 'Это не похоже на имя или адрес электронной почты.',
  'problem.directory.invalid_query.fix': 'Введите часть имени или адреса, не длиннее 100 символов.',
  'problem.directory.invalid_address.message': '{email} — не адрес электронной почты.',
  'problem.directory.invalid_address.fix': 'Адрес группы Google выглядит как team@example.com.',
  'problem.directory.group_not_found.message': 'Нет группы Google с адресом {email}.',
  'problem.directory.group_not_found.fix':
    'Проверьте, нет ли опечаток в адресе. Добавлять можно только группы вашей организации.',
  'problem.directory.not_a_group.message': '{email} — адрес человека ({person}), а не группы Google.',
  'problem.directory.not_a_group.fix': 'Добавьте его как человека.',
  'problem.directory.not_a_person.message': '{email} — адрес группы Google, а не человека.',
  'problem.directory.not_a_person.fix': 'Добавьте её как группу: в чат войдут все участники группы.',
  'problem.directory.search_refused.message': 'Ваша организация не разрешает Chat Members искать в своём каталоге.',
  'problem.directory.search_refused.fix': 'Введите полный адрес электронной почты человека.',
};
