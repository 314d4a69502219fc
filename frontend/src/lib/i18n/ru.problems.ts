// Русские тексты проблем, которые возвращает Go, по их кодам (problems.gen.ts). Тип Record
// требует перевода для каждого кода: новый код в Go без русского текста не скомпилируется.
import type { ProblemCode } from '../api/problems.gen';

export interface ProblemTexts {
  message: string;
  fix: string;
}

export const ruProblems: Record<ProblemCode, ProblemTexts> = {
  'auth.authorization_failed': {
    message: 'Google не позволил вам войти в Chat Members.',
    fix: 'Уточните у администратора Google Workspace, можно ли использовать Chat Members в вашей организации, и войдите снова.',
  },
  'auth.busy': {
    message: 'Вход уже выполняется.',
    fix: 'Завершите вход в браузере или отмените его, прежде чем начинать новый.',
  },
  'auth.cancelled': {
    message: 'Вход отменён.',
    fix: 'Войдите снова, когда будете готовы.',
  },
  'auth.client_rejected': {
    message: 'Google не принимает клиент OAuth из вашего файла client_secret.json.',
    fix: 'Проверьте в консоли Google Cloud, что ваш клиент OAuth типа «Приложение для ПК» ещё существует, скачайте его JSON заново и выберите новый файл.',
  },
  'auth.denied': {
    message: 'Вы не разрешили Chat Members доступ к своему аккаунту Google.',
    fix: 'Войдите снова и нажмите «Разрешить» на странице Google.',
  },
  'auth.exchange_failed': {
    message: 'Google не принял вход.',
    fix: 'Войдите снова. Если ошибка повторяется, скачайте client_secret.json из консоли Google Cloud заново и выберите его.',
  },
  'auth.expired': {
    message: 'Срок действия входа истёк, нужно войти снова.',
    fix: 'Войдите снова. Если это случается каждую неделю, ваш экран согласия OAuth (OAuth consent screen) находится в режиме тестирования (Testing), а в нём Google завершает вход через 7 дней. Опубликуйте приложение (Publish app) или сделайте его внутренним (Internal).',
  },
  'auth.listen_failed': {
    message: 'Chat Members не удалось подготовиться к приёму ответа от браузера при входе.',
    fix: 'Попробуйте ещё раз. Если ошибка повторяется, проверьте, что антивирус или брандмауэр разрешает Chat Members принимать подключения на этом компьютере.',
  },
  'auth.network': {
    message: 'Chat Members не удаётся связаться с Google.',
    fix: 'Проверьте подключение к интернету и попробуйте ещё раз.',
  },
  'auth.no_identity': {
    message: 'Google не сообщил, с каким аккаунтом вы вошли.',
    fix: 'Войдите снова. Если ошибка повторяется, скачайте client_secret.json из консоли Google Cloud заново и выберите его.',
  },
  'auth.not_signed_in': {
    message: 'Вы не вошли в аккаунт.',
    fix: 'Войдите со своим аккаунтом Google.',
  },
  'auth.revoke_failed': {
    message: 'На этом компьютере вы вышли из аккаунта, но сообщить Google о завершении входа не удалось.',
    fix: 'Больше ничего делать не нужно. Для надёжности, когда будете в сети, удалите Chat Members на странице myaccount.google.com/permissions.',
  },
  'auth.secret_bad_uri': {
    message: 'Файл client_secret.json, похоже, повреждён: значение {field} не является веб-адресом.',
    fix: 'Скачайте JSON клиента OAuth типа «Приложение для ПК» из консоли Google Cloud заново и выберите новый файл.',
  },
  'auth.secret_missing_field': {
    message: 'Файл client_secret.json неполный: в нём нет значения {field}.',
    fix: 'Скачайте JSON клиента OAuth типа «Приложение для ПК» из консоли Google Cloud заново и выберите новый файл.',
  },
  'auth.secret_not_file': {
    message: 'Это не файл, который Chat Members может прочитать как client_secret.json.',
    fix: 'Выберите JSON-файл клиента OAuth типа «Приложение для ПК», скачанный из консоли Google Cloud.',
  },
  'auth.secret_not_google': {
    message: 'Значение {field} в этом файле клиента отправляет ваш вход на {host}, а это не Google.',
    fix: 'Скачайте JSON клиента OAuth типа «Приложение для ПК» сами из консоли Google Cloud («API и сервисы» > «Учетные данные») и выберите этот файл. Не используйте файл клиента, присланный кем-то другим.',
  },
  'auth.secret_not_json': {
    message: 'Это не файл client_secret.json из Google Cloud.',
    fix: 'В консоли Google Cloud откройте «API и сервисы» > «Учетные данные» (APIs & Services > Credentials), скачайте JSON своего клиента OAuth типа «Приложение для ПК» (Desktop app) и выберите этот файл.',
  },
  'auth.secret_service_account': {
    message: 'Это ключ сервисного аккаунта, а не клиент OAuth.',
    fix: 'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  },
  'auth.secret_too_large': {
    message: 'Этот файл слишком большой для client_secret.json.',
    fix: 'Выберите небольшой файл JSON, который вы скачали для клиента OAuth в консоли Google Cloud.',
  },
  'auth.secret_unknown_type': {
    message: 'В этом файле нет клиента OAuth типа «Приложение для ПК» (Desktop app).',
    fix: 'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  },
  'auth.secret_unreadable': {
    message: 'Chat Members не удалось прочитать этот файл.',
    fix: 'Проверьте, что файл на месте и у вас есть право его открывать, и выберите его снова.',
  },
  'auth.secret_web_client': {
    message: 'Этот файл создан для веб-приложения, а Chat Members нужен клиент OAuth типа «Приложение для ПК» (Desktop app).',
    fix: 'В консоли Google Cloud («API и сервисы» > «Учетные данные») создайте идентификатор клиента OAuth типа «Приложение для ПК» (Desktop app), скачайте его JSON и выберите этот файл.',
  },
  'auth.store_failed': {
    message: 'Chat Members не удалось сохранить или прочитать данные входа на этом компьютере.',
    fix: 'Работать можно и дальше, но в следующий раз, возможно, придётся войти снова. Проверьте, что в вашу домашнюю папку можно сохранять файлы.',
  },
  'auth.timeout': {
    message: 'Вход занял слишком много времени и был прерван.',
    fix: 'Войдите снова и завершите вход в браузере в течение нескольких минут.',
  },
  'auth.wrong_account': {
    message: 'В браузере вы выбрали {chosen}, но в Chat Members вы вошли как {account}, поэтому {chosen} не использован.',
    fix: 'Попробуйте ещё раз и выберите {account} на странице Google. Чтобы работать как {chosen}, сначала выйдите, затем войдите с этим аккаунтом.',
  },
  'chat.admin_must_grant': {
    message: 'Прежде чем Chat Members сможет это сделать, его должен одобрить администратор Google Workspace.',
    fix: 'Попросите администратора разрешить Chat Members в консоли администратора (Безопасность > Управление доступом к API).',
  },
  'chat.already_member': {
    message: 'Этот человек уже участвует в чате.',
    fix: 'Ничего делать не нужно.',
  },
  'chat.app_not_configured': {
    message: 'В проекте Google Cloud, через который работает Chat Members, не настроено приложение Chat, поэтому Google отклоняет запросы.',
    fix: 'В консоли Google Cloud откройте Google Chat API > Configuration, укажите название приложения, адрес аватара и описание и сохраните.',
  },
  'chat.bad_request': {
    message: 'Google отклонил запрос.',
    fix: 'Проверьте введённые данные и попробуйте ещё раз; причина, указанная Google, — в подробностях.',
  },
  'chat.bad_response': {
    message: 'Google прислал ответ, который Chat Members не смог прочитать.',
    fix: 'Попробуйте ещё раз. Если ошибка повторяется, отправьте подробности тому, кто сопровождает Chat Members.',
  },
  'chat.cancelled': {
    message: 'Запрос отменён.',
    fix: 'Запустите его снова, когда будете готовы.',
  },
  'chat.chat_off': {
    message: 'Для вашего аккаунта отключён Google Chat.',
    fix: 'Попросите администратора Google Workspace включить для вас Google Chat.',
  },
  'chat.dm_app_only': {
    message: 'В личные сообщения нельзя добавлять людей — только приложение Chat.',
    fix: 'Добавьте людей в пространство или групповой чат.',
  },
  'chat.empty_person': {
    message: 'Адрес электронной почты не указан.',
    fix: 'Введите адрес электронной почты, например jane@example.com.',
  },
  'chat.external_not_allowed': {
    message: '{email} — не из вашей организации, а в этот чат можно добавлять только сотрудников вашей организации.',
    fix: 'Добавьте этого человека в чат, открытый для внешних участников: у существующего чата эту настройку изменить нельзя.',
  },
  'chat.google_unavailable': {
    message: 'Google Chat сейчас работает с перебоями.',
    fix: 'Попробуйте ещё раз через несколько минут.',
  },
  'chat.invalid_email': {
    message: '«{email}» — неправильный адрес электронной почты.',
    fix: 'Проверьте, нет ли в адресе опечаток, пробелов или пропущенных частей. Пример: jane@example.com.',
  },
  'chat.invalid_member': {
    message: 'Google не принял адрес или идентификатор этого человека.',
    fix: 'Проверьте адрес электронной почты или идентификатор и попробуйте ещё раз.',
  },
  'chat.invalid_person': {
    message: '«{person}» — это не адрес электронной почты и не идентификатор пользователя Google.',
    fix: 'Введите адрес электронной почты, например jane@example.com.',
  },
  'chat.invalid_space': {
    message: 'Это не чат Google Chat.',
    fix: 'Выберите чат в списке ещё раз.',
  },
  'chat.network': {
    message: 'Chat Members не удаётся связаться с Google.',
    fix: 'Проверьте подключение к интернету и попробуйте ещё раз.',
  },
  'chat.permission_denied': {
    message: 'У вас нет права добавлять участников в этот чат.',
    fix: 'Попросите менеджера чата назначить менеджером вас или добавить этого человека самому.',
  },
  'chat.person_not_found': {
    message: 'Google не нашёл никого с адресом или идентификатором {person}.',
    fix: 'Проверьте, нет ли опечаток. У человека должен быть аккаунт Google; если вы указали идентификатор, попробуйте вместо него адрес электронной почты.',
  },
  'chat.precondition': {
    message: 'Сейчас Google не может внести это изменение в чат.',
    fix: 'Откройте чат в Google Chat, проверьте его и попробуйте ещё раз.',
  },
  'chat.quota': {
    message: 'Google ограничивает скорость работы Chat Members.',
    fix: 'Подождите минуту и попробуйте ещё раз.',
  },
  'chat.scope_missing': {
    message: 'Для этого Chat Members нужно ещё одно ваше разрешение.',
    fix: 'Дайте разрешение, которое запросит Google. Если Google ничего не спрашивает, выйдите и войдите снова.',
  },
  'chat.signed_out': {
    message: 'Срок действия входа в Google истёк, или доступ был отозван.',
    fix: 'Войдите в аккаунт Google ещё раз.',
  },
  'chat.space_not_found': {
    message: 'Чат не найден, или вы больше в нём не участвуете.',
    fix: 'Обновите список чатов. Если чата в нём по-прежнему нет, попросите одного из его менеджеров добавить вас.',
  },
  'chat.too_many_spaces': {
    message: 'Вы участвуете в большем числе чатов, чем может показать Chat Members.',
    fix: 'Выйдите из ненужных чатов или обратитесь к тому, кто сопровождает Chat Members.',
  },
  'chat.unexpected': {
    message: 'Google ответил не так, как ожидал Chat Members.',
    fix: 'Попробуйте ещё раз. Если ошибка повторяется, отправьте подробности тому, кто сопровождает Chat Members.',
  },
  'chat.workspace_only': {
    message: 'API Google Chat работает только с аккаунтами Google Workspace, а не с личными аккаунтами Google.',
    fix: 'Войдите с рабочим или учебным аккаунтом.',
  },
  'internal': {
    message: 'Произошла непредвиденная ошибка.',
    fix: 'Попробуйте ещё раз. Если ошибка повторяется, перезапустите Chat Members.',
  },
  'workspace.bad_link': {
    message: 'Эта ссылка ведёт не в Google Chat, поэтому она не открыта.',
    fix: 'Откройте Google Chat самостоятельно: chat.google.com.',
  },
  'workspace.browser_failed': {
    message: 'Не удалось открыть браузер.',
    fix: 'Скопируйте этот адрес в браузер самостоятельно: {link}',
  },
  'workspace.dialog_failed': {
    message: 'Не удалось открыть окно выбора файла.',
    fix: 'Попробуйте ещё раз. Если не поможет, перезапустите Chat Members.',
  },
  'workspace.live_refused': {
    message: 'Эта тестовая сборка работает только с демо.',
    fix: 'Чтобы подключить свой Google Workspace, запустите установленное приложение Chat Members.',
  },
  'workspace.no_config_dir': {
    message: 'Chat Members не удалось найти папку для своих настроек.',
    fix: 'Проверьте, что у вашей учётной записи на компьютере есть домашняя папка, и попробуйте ещё раз.',
  },
  'workspace.no_file': {
    message: 'Файл не выбран.',
    fix: 'Выберите файл client_secret.json, скачанный из консоли Google Cloud.',
  },
  'workspace.none': {
    message: 'Рабочее пространство ещё не выбрано.',
    fix: 'Сначала выберите демо или подключите свой Google Workspace.',
  },
  'workspace.save_failed': {
    message: 'Chat Members не удалось сохранить настройки на этом компьютере.',
    fix: 'Проверьте, что в вашу домашнюю папку можно сохранять файлы, и попробуйте ещё раз.',
  },
  'workspace.signed_out': {
    message: 'Вы не вошли в аккаунт.',
    fix: 'Войдите через Google и попробуйте ещё раз.',
  },
};
