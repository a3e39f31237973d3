<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About filmdesk</source>
        <translation>О программе filmdesk</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Сообщить о проблеме</translation>
    </message>
    <message>
        <source>A desktop catalog for film collections.</source>
        <translation>Каталог для коллекций фильмов на вашем компьютере.</translation>
    </message>
    <message>
        <source>filmdesk is free software: you can share and change it under the terms of the GNU General Public License, version 3 or later.</source>
        <translation>filmdesk — свободная программа: её можно распространять и изменять на условиях GNU General Public License версии 3 или более поздней.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;New Film…</source>
        <translation>&amp;Новый фильм…</translation>
    </message>
    <message>
        <source>Add a film to the catalog</source>
        <translation>Добавить фильм в каталог</translation>
    </message>
    <message>
        <source>New &amp;Collection…</source>
        <translation>Новая &amp;коллекция…</translation>
    </message>
    <message>
        <source>New &amp;Screening List…</source>
        <translation>Новый &amp;список показа…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Add films from a CSV or JSON file</source>
        <translation>Добавить фильмы из файла CSV или JSON</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>Импорт &amp;папки…</translation>
    </message>
    <message>
        <source>Add films from a folder: an unzipped Letterboxd export</source>
        <translation>Добавить фильмы из папки: распакованного экспорта Letterboxd</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Write films to a CSV or JSON file</source>
        <translation>Записать фильмы в файл CSV или JSON</translation>
    </message>
    <message>
        <source>&amp;Year in Review…</source>
        <translation>&amp;Год в кино…</translation>
    </message>
    <message>
        <source>Print one year of watching: its figures, charts and every film watched</source>
        <translation>Напечатать год просмотров: цифры, графики и все просмотренные фильмы</translation>
    </message>
    <message>
        <source>Co&amp;py Catalog To…</source>
        <translation>Скопи&amp;ровать каталог в…</translation>
    </message>
    <message>
        <source>Copy the whole catalog into a new file or an empty database on a server</source>
        <translation>Скопировать весь каталог в новый файл или в пустую базу данных на сервере</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Put back a copy of the catalog that filmdesk made earlier</source>
        <translation>Вернуть копию каталога, сделанную filmdesk раньше</translation>
    </message>
    <message>
        <source>Open S&amp;hared Catalog…</source>
        <translation>Открыть &amp;общий каталог…</translation>
    </message>
    <message>
        <source>Open a catalog on a PostgreSQL server, shared by a club or a school</source>
        <translation>Открыть каталог на сервере PostgreSQL, общий для клуба или школы</translation>
    </message>
    <message>
        <source>Open &amp;Local Catalog</source>
        <translation>Открыть &amp;локальный каталог</translation>
    </message>
    <message>
        <source>Back to the catalog kept on this computer</source>
        <translation>Вернуться к каталогу на этом компьютере</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Edit Film…</source>
        <translation>&amp;Изменить фильм…</translation>
    </message>
    <message>
        <source>Edit the current film</source>
        <translation>Изменить текущий фильм</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected films</source>
        <translation>Удалить выделенные фильмы</translation>
    </message>
    <message>
        <source>Set &amp;Poster…</source>
        <translation>&amp;Задать постер…</translation>
    </message>
    <message>
        <source>Choose an image file as the current film&apos;s poster</source>
        <translation>Выбрать файл изображения как постер текущего фильма</translation>
    </message>
    <message>
        <source>Paste P&amp;oster</source>
        <translation>&amp;Вставить постер</translation>
    </message>
    <message>
        <source>Make the image on the clipboard the current film&apos;s poster</source>
        <translation>Сделать изображение из буфера обмена постером текущего фильма</translation>
    </message>
    <message>
        <source>Mark &amp;Watched</source>
        <translation>Отм&amp;етить просмотренными</translation>
    </message>
    <message>
        <source>Mark the selected films watched today</source>
        <translation>Отметить выделенные фильмы как просмотренные сегодня</translation>
    </message>
    <message>
        <source>Mark &amp;Not Watched</source>
        <translation>Отметить &amp;непросмотренными</translation>
    </message>
    <message>
        <source>&amp;Add Tag…</source>
        <translation>Добавить &amp;тег…</translation>
    </message>
    <message>
        <source>&amp;Remove Tag…</source>
        <translation>&amp;Снять тег…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Н&amp;айти</translation>
    </message>
    <message>
        <source>&amp;Save Search…</source>
        <translation>&amp;Сохранить поиск…</translation>
    </message>
    <message>
        <source>Keep this search under a name, in the sidebar under “Saved searches”</source>
        <translation>Сохранить этот поиск под именем — он появится на боковой панели в разделе «Сохранённые поиски»</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Таблица</translation>
    </message>
    <message>
        <source>Show the films as a table</source>
        <translation>Показать фильмы таблицей</translation>
    </message>
    <message>
        <source>C&amp;overs</source>
        <translation>Об&amp;ложки</translation>
    </message>
    <message>
        <source>Show the films as a grid of posters</source>
        <translation>Показать фильмы сеткой постеров</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Статистика</translation>
    </message>
    <message>
        <source>What you have watched: figures and charts of the films shown</source>
        <translation>Что вы посмотрели: цифры и графики по показанным фильмам</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <source>Film &amp;Details</source>
        <translation>&amp;Подробности о фильме</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Оформление</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About filmdesk</source>
        <translation>&amp;О программе filmdesk</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Edit a film</source>
        <translation>Изменить фильм</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Двойной щелчок</translation>
    </message>
    <message>
        <source>In the stars: half a star down / up</source>
        <translation>В звёздах: на ползвезды меньше / больше</translation>
    </message>
    <message>
        <source>In the stars: whole stars</source>
        <translation>В звёздах: целые звёзды</translation>
    </message>
    <message>
        <source>In the stars: clear the rating</source>
        <translation>В звёздах: снять оценку</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Отменить: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Повторить: {action}</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>Другое</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The backup could not be restored.</source>
        <translation>Не удалось восстановить резервную копию.</translation>
    </message>
    <message>
        <source>Restored the backup ({date}, {films}). The damaged catalog is kept in {folder}.</source>
        <translation>Резервная копия восстановлена ({date}, {films}). Повреждённый каталог сохранён в {folder}.</translation>
    </message>
    <message>
        <source>filmdesk is already open with this catalog, but does not answer.</source>
        <translation>filmdesk уже открыт с этим каталогом, но не отвечает.</translation>
    </message>
    <message>
        <source>The catalog could not be opened.</source>
        <translation>Не удалось открыть каталог.</translation>
    </message>
</context>
<context>
    <name>Asking</name>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>«{name}»</translation>
    </message>
</context>
<context>
    <name>BackupOperations</name>
    <message>
        <source>Restore Backup ({date})</source>
        <translation>Восстановить копию ({date})</translation>
    </message>
    <message>
        <source>Restored the backup ({date}, {films}). Edit › Undo brings back the catalog as it was.</source>
        <translation>Резервная копия восстановлена ({date}, {films}). Правка › Отменить вернёт каталог, каким он был.</translation>
    </message>
</context>
<context>
    <name>ChartSlot</name>
    <message>
        <source>Drawing the chart…</source>
        <translation>Рисуется диаграмма…</translation>
    </message>
</context>
<context>
    <name>CollectionController</name>
    <message>
        <source>This collection has no films yet. Choose “All films”, then drag films onto the collection in the sidebar, or right-click them: Add to.</source>
        <translation>В этой коллекции пока нет фильмов. Выберите «Все фильмы» и перетащите фильмы на коллекцию в боковой панели или щёлкните по ним правой кнопкой: «Добавить в».</translation>
    </message>
</context>
<context>
    <name>CollectionOperations</name>
    <message>
        <source>New collection</source>
        <translation>Новая коллекция</translation>
    </message>
    <message>
        <source>Those films are in {name} already.</source>
        <translation>Эти фильмы уже есть в коллекции {name}.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n film(s) from {name}</source>
        <translation>
            <numerusform>удаление %n фильма из {name}</numerusform>
            <numerusform>удаление %n фильмов из {name}</numerusform>
            <numerusform>удаление %n фильмов из {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear rating of {name}</source>
        <translation>снятие оценки {name}</translation>
    </message>
    <message>
        <source>Rate {name}</source>
        <translation>оценка {name}</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Изменить комментарий</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Комментарий:</translation>
    </message>
    <message>
        <source>Comment deleted. Edit › Undo brings it back.</source>
        <translation>Комментарий удалён. Вернуть его: Правка › Отменить.</translation>
    </message>
    <message>
        <source>Rename collection</source>
        <translation>Переименовать коллекцию</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Rename collection {name}</source>
        <translation>переименование коллекции {name}</translation>
    </message>
    <message>
        <source>Edit collection</source>
        <translation>Изменить коллекцию</translation>
    </message>
    <message>
        <source>Edit collection {name}</source>
        <translation>изменение коллекции {name}</translation>
    </message>
    <message>
        <source>Delete the collection {name}?</source>
        <translation>Удалить коллекцию {name}?</translation>
    </message>
    <message>
        <source>Its films stay in the catalog. You can undo this with Edit › Undo.</source>
        <translation>Фильмы останутся в каталоге. Это можно отменить: Правка › Отменить.</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>Удаление коллекции</translation>
    </message>
</context>
<context>
    <name>CollectionPanel</name>
    <message>
        <source>Your rating:</source>
        <translation>Оценка:</translation>
    </message>
    <message>
        <source>Your rating of the collection</source>
        <translation>Ваша оценка коллекции</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Rename the collection or change its description</source>
        <translation>Переименовать коллекцию или изменить её описание</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <source>Write a comment on this collection…</source>
        <translation>Напишите комментарий к этой коллекции…</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>Новый комментарий</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Добавить комментарий</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Комментариев пока нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform>
            <numerusform>%n фильма</numerusform>
            <numerusform>%n фильмов</numerusform>
        </translation>
    </message>
    <message>
        <source>Source: {link}</source>
        <translation>Источник: {link}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Источник: {source}</translation>
    </message>
    <message>
        <source>Comments ({count})</source>
        <translation>Комментарии ({count})</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add {title}</source>
        <translation>добавление «{title}»</translation>
    </message>
    <message>
        <source>Add a film</source>
        <translation>добавление фильма</translation>
    </message>
    <message>
        <source>Delete {title}</source>
        <translation>удаление «{title}»</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>импорт «{file}»</translation>
    </message>
    <message>
        <source>Add viewing of {title}</source>
        <translation>добавление просмотра «{title}»</translation>
    </message>
    <message>
        <source>Edit viewing of {title}</source>
        <translation>изменение просмотра «{title}»</translation>
    </message>
    <message>
        <source>Remove viewing of {title}</source>
        <translation>удаление просмотра «{title}»</translation>
    </message>
    <message>
        <source>Remove poster of {title}</source>
        <translation>удаление постера «{title}»</translation>
    </message>
    <message>
        <source>Set poster of {title}</source>
        <translation>установка постера «{title}»</translation>
    </message>
    <message>
        <source>Replace poster of {title}</source>
        <translation>замена постера «{title}»</translation>
    </message>
</context>
<context>
    <name>CommentView</name>
    <message>
        <source>edited</source>
        <translation>изменён</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Править</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>Изменить комментарий</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Удалить комментарий</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Copy Catalog To</source>
        <translation>Скопировать каталог</translation>
    </message>
    <message>
        <source>Every film with all its fields and its poster, the viewings, tags, collections with their comments and the screening lists are copied into a new, empty catalog. This catalog stays as it is.</source>
        <translation>Все фильмы со всеми полями и постерами, просмотры, теги, коллекции с комментариями и списки показа копируются в новый, пустой каталог. Этот каталог остаётся как есть.</translation>
    </message>
    <message>
        <source>A &amp;file on this computer</source>
        <translation>&amp;Файл на этом компьютере</translation>
    </message>
    <message>
        <source>a new file, e.g. films{suffix}</source>
        <translation>новый файл, например films{suffix}</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>В&amp;ыбрать…</translation>
    </message>
    <message>
        <source>A shared catalog on a &amp;server</source>
        <translation>Общий каталог на &amp;сервере</translation>
    </message>
    <message>
        <source>filmdesk does not ask for the password here and keeps none: it is read from {file}, where File › Open Shared Catalog… saves it and PostgreSQL&apos;s own tools look for it.</source>
        <translation>filmdesk не спрашивает здесь пароль и не хранит его: пароль берётся из {file}, куда его сохраняет Файл › Открыть общий каталог… и где его ищут программы самого PostgreSQL.</translation>
    </message>
    <message>
        <source>The database must be there already and be empty: ask the server&apos;s administrator to create one for the catalog.</source>
        <translation>База данных должна уже существовать и быть пустой: попросите администратора сервера создать её для каталога.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy the catalog to a file</source>
        <translation>Копирование каталога в файл</translation>
    </message>
    <message>
        <source>filmdesk catalogs (*{suffix});;All files (*)</source>
        <translation>Каталоги filmdesk (*{suffix});;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>CoverView</name>
    <message>
        <source>Film covers</source>
        <translation>Обложки фильмов</translation>
    </message>
</context>
<context>
    <name>DamagedDialog</name>
    <message>
        <source>The catalog is damaged</source>
        <translation>Каталог повреждён</translation>
    </message>
    <message>
        <source>filmdesk cannot open the catalog: part of the file is damaged.</source>
        <translation>filmdesk не может открыть каталог: часть файла повреждена.</translation>
    </message>
    <message>
        <source>This can happen after a disk error, a power cut, or a copy that did not finish. (SQLite says: {reason}.)</source>
        <translation>Так бывает после ошибки диска, отключения питания или незавершённого копирования. (Сообщение SQLite: {reason}.)</translation>
    </message>
    <message>
        <source>Latest good backup: {date}, {films}.
Restoring it brings back every film, collection and list as they were then; the damaged file is kept in the backups folder.</source>
        <translation>Последняя исправная резервная копия: {date}, {films}.
Если её восстановить, все фильмы, коллекции и списки станут такими, какими были тогда; повреждённый файл сохранится в папке резервных копий.</translation>
    </message>
    <message>
        <source>There is no backup of this catalog to restore.</source>
        <translation>Резервных копий этого каталога нет.</translation>
    </message>
    <message>
        <source>&amp;Restore the Backup</source>
        <translation>&amp;Восстановить копию</translation>
    </message>
    <message>
        <source>Open Backups &amp;Folder</source>
        <translation>Открыть &amp;папку копий</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>e.g. Year 9B, the film club</source>
        <translation>например, 9 «Б», киноклуб</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Аудитория:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>filmdesk CSV (for spreadsheets)</source>
        <translation>CSV filmdesk (для электронных таблиц)</translation>
    </message>
    <message>
        <source>JSON backup (everything)</source>
        <translation>Резервная копия JSON (всё)</translation>
    </message>
    <message>
        <source>Letterboxd import CSV</source>
        <translation>CSV для импорта в Letterboxd</translation>
    </message>
    <message>
        <source>Printable list (PDF)</source>
        <translation>Список для печати (PDF)</translation>
    </message>
    <message>
        <source>Printable list (HTML)</source>
        <translation>Список для печати (HTML)</translation>
    </message>
    <message>
        <source>Export films</source>
        <translation>Экспорт фильмов</translation>
    </message>
    <message numerus="yes">
        <source>All films (%Ln)</source>
        <translation>
            <numerusform>Все фильмы (%Ln)</numerusform>
            <numerusform>Все фильмы (%Ln)</numerusform>
            <numerusform>Все фильмы (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Films the search shows (%Ln)</source>
        <translation>
            <numerusform>Найденные поиском (%Ln)</numerusform>
            <numerusform>Найденные поиском (%Ln)</numerusform>
            <numerusform>Найденные поиском (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected films (%Ln)</source>
        <translation>
            <numerusform>Выделенные фильмы (%Ln)</numerusform>
            <numerusform>Выделенные фильмы (%Ln)</numerusform>
            <numerusform>Выделенные фильмы (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>UTF-8 with BOM (Excel shows Cyrillic correctly)</source>
        <translation>UTF-8 с BOM (Excel правильно покажет кириллицу)</translation>
    </message>
    <message>
        <source>Separate with ; instead of ,</source>
        <translation>Разделять «;», а не «,»</translation>
    </message>
    <message>
        <source>With &amp;posters</source>
        <translation>С &amp;постерами</translation>
    </message>
    <message>
        <source>Each film&apos;s poster, small, beside it</source>
        <translation>Небольшой постер рядом с каждым фильмом</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Формат:</translation>
    </message>
    <message>
        <source>Films:</source>
        <translation>Фильмы:</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV:</translation>
    </message>
    <message>
        <source>Printable:</source>
        <translation>Для печати:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message>
        <source>Import films</source>
        <translation>Импорт фильмов</translation>
    </message>
    <message>
        <source>Film lists (*.csv *.json *.zip *.txt);;All files (*)</source>
        <translation>Списки фильмов (*.csv *.json *.zip *.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Импорт папки</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Чтение «{file}»…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ничего не импортировано.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Импорт «{file}»…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Импорт отменён: ничего не изменено.</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>импорт «{file}»</translation>
    </message>
    <message numerus="yes">
        <source>Imported {file}: %Ln added</source>
        <translation>
            <numerusform>Файл «{file}» импортирован: %Ln добавлен</numerusform>
            <numerusform>Файл «{file}» импортирован: %Ln добавлено</numerusform>
            <numerusform>Файл «{file}» импортирован: %Ln добавлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln обновлён</numerusform>
            <numerusform>%Ln обновлено</numerusform>
            <numerusform>%Ln обновлено</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON backup (*.json)</source>
        <translation>Резервная копия JSON (*.json)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Веб-страница (*.html)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export films</source>
        <translation>Экспорт фильмов</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Экспорт в «{file}»…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Экспорт отменён: ничего не записано.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>Не удалось записать {path}.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln film(s) to {path}</source>
        <translation>
            <numerusform>Экспортирован %Ln фильм в {path}</numerusform>
            <numerusform>Экспортировано %Ln фильма в {path}</numerusform>
            <numerusform>Экспортировано %Ln фильмов в {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Year in Review</source>
        <translation>Год в кино</translation>
    </message>
    <message>
        <source>Nothing has been watched on a known day yet: a year in review lists the films watched in a year, from their viewings.</source>
        <translation>Пока нет ни одного просмотра с известной датой: итоги года составляются из просмотров фильмов за год.</translation>
    </message>
    <message>
        <source>The year to review:</source>
        <translation>За какой год:</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Запись {file}…</translation>
    </message>
    <message>
        <source>The year in review of {year} is in {path}</source>
        <translation>Итоги {year} года сохранены в {path}</translation>
    </message>
    <message>
        <source>Handout saved to {path}</source>
        <translation>Раздаточный материал сохранён: {path}</translation>
    </message>
    <message>
        <source>List as CSV (*.csv)</source>
        <translation>Список в CSV (*.csv)</translation>
    </message>
    <message>
        <source>Letterboxd list import (*.csv)</source>
        <translation>CSV для импорта списка в Letterboxd (*.csv)</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Экспорт списка</translation>
    </message>
    <message>
        <source>Exported {name} to {path}</source>
        <translation>Список {name} экспортирован в {path}</translation>
    </message>
    <message>
        <source>Copy Catalog</source>
        <translation>Копирование каталога</translation>
    </message>
    <message>
        <source>Copying the catalog…</source>
        <translation>Каталог копируется…</translation>
    </message>
    <message>
        <source>Copy cancelled: nothing was written.</source>
        <translation>Копирование отменено: ничего не записано.</translation>
    </message>
    <message>
        <source>The catalog was not copied.</source>
        <translation>Каталог не скопирован.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln poster(s)</source>
        <translation>
            <numerusform>%Ln постер</numerusform>
            <numerusform>%Ln постера</numerusform>
            <numerusform>%Ln постеров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln фильм</numerusform>
            <numerusform>%Ln фильма</numerusform>
            <numerusform>%Ln фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln viewing(s)</source>
        <translation>
            <numerusform>%Ln просмотр</numerusform>
            <numerusform>%Ln просмотра</numerusform>
            <numerusform>%Ln просмотров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln collection(s)</source>
        <translation>
            <numerusform>%Ln коллекция</numerusform>
            <numerusform>%Ln коллекции</numerusform>
            <numerusform>%Ln коллекций</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln комментарий</numerusform>
            <numerusform>%Ln комментария</numerusform>
            <numerusform>%Ln комментариев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln screening list(s)</source>
        <translation>
            <numerusform>%Ln список показа</numerusform>
            <numerusform>%Ln списка показа</numerusform>
            <numerusform>%Ln списков показа</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln запись</numerusform>
            <numerusform>%Ln записи</numerusform>
            <numerusform>%Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied {films}, {collections} and {lists} to {where}.</source>
        <translation>Скопировано в {where}: {films}, {collections} и {lists}.</translation>
    </message>
    <message>
        <source>This window goes on with the catalog it has open. To open the copy, start filmdesk with --database {where}</source>
        <translation>Это окно продолжает работать с открытым в нём каталогом. Чтобы открыть копию, запустите filmdesk с --database {where}</translation>
    </message>
    <message>
        <source>This window goes on with the catalog it has open. File › Open Shared Catalog… opens the copy.</source>
        <translation>Это окно продолжает работать с открытым в нём каталогом. Копию открывает Файл › Открыть общий каталог…</translation>
    </message>
    <message>
        <source>{whole} ({parts})</source>
        <translation>{whole} ({parts})</translation>
    </message>
</context>
<context>
    <name>FilmDetailPanel</name>
    <message>
        <source>Select a film to see its details.</source>
        <translation>Выберите фильм, чтобы увидеть подробности.</translation>
    </message>
    <message>
        <source>This film was deleted elsewhere (in another window or filmdesk-cli). Your notes below were not saved: copy them, or add the film back with them.</source>
        <translation>Этот фильм удалён в другом месте (в другом окне или в filmdesk-cli). Заметки ниже не сохранены: скопируйте их или верните фильм вместе с ними.</translation>
    </message>
    <message>
        <source>Copy Notes</source>
        <translation>Копировать заметки</translation>
    </message>
    <message>
        <source>Add the Film Back</source>
        <translation>Вернуть фильм</translation>
    </message>
    <message>
        <source>Did you know?</source>
        <translation>Знаете ли вы?</translation>
    </message>
    <message>
        <source>Where to watch</source>
        <translation>Где посмотреть</translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Для себя</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Оценка:</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Просмотрено</translation>
    </message>
    <message>
        <source>comma-separated, e.g. war, classic</source>
        <translation>через запятую, например: война, классика</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Теги:</translation>
    </message>
    <message>
        <source>Your thoughts, who recommended it, what to look for…</source>
        <translation>Ваши мысли, кто посоветовал, на что обратить внимание…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Заметки:</translation>
    </message>
    <message>
        <source>Directed by {names}</source>
        <translation>Режиссёр: {names}</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>(as of {date})</source>
        <translation>(на {date})</translation>
    </message>
    <message>
        <source>Watch the trailer</source>
        <translation>Смотреть трейлер</translation>
    </message>
    <message>
        <source>Search for a trailer</source>
        <translation>Найти трейлер</translation>
    </message>
    <message>
        <source>Opens a web search for the trailer in your browser</source>
        <translation>Откроет поиск трейлера в браузере</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>FilmDialog</name>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Original title:</source>
        <translation>&amp;Оригинальное название:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Год:</translation>
    </message>
    <message>
        <source>&amp;Directors:</source>
        <translation>&amp;Режиссёры:</translation>
    </message>
    <message>
        <source>&amp;Countries:</source>
        <translation>&amp;Страны:</translation>
    </message>
    <message>
        <source>&amp;Runtime (min):</source>
        <translation>&amp;Длительность (мин):</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>О&amp;писание:</translation>
    </message>
    <message>
        <source>&amp;Fact:</source>
        <translation>&amp;Факт:</translation>
    </message>
    <message>
        <source>Trailer &amp;URL:</source>
        <translation>Ссылка на &amp;трейлер:</translation>
    </message>
    <message>
        <source>&amp;Availability:</source>
        <translation>Где пос&amp;мотреть:</translation>
    </message>
    <message>
        <source>&amp;IMDb id:</source>
        <translation>Код &amp;IMDb:</translation>
    </message>
    <message>
        <source>&amp;Letterboxd URI:</source>
        <translation>Адрес в &amp;Letterboxd:</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <source>e.g. tt0050634</source>
        <translation>например, tt0050634</translation>
    </message>
    <message>
        <source>e.g. 1957</source>
        <translation>например, 1957</translation>
    </message>
    <message>
        <source>Edit “{title}”</source>
        <translation>Изменить «{title}»</translation>
    </message>
    <message>
        <source>New film</source>
        <translation>Новый фильм</translation>
    </message>
    <message>
        <source>&amp;Poster:</source>
        <translation>Пост&amp;ер:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add film</source>
        <translation>Добавить фильм</translation>
    </message>
    <message>
        <source>Choose Image…</source>
        <translation>Выбрать изображение…</translation>
    </message>
    <message>
        <source>Choose an image file as the film&apos;s poster</source>
        <translation>Выбрать файл изображения как постер фильма</translation>
    </message>
    <message>
        <source>No Poster</source>
        <translation>Без постера</translation>
    </message>
    <message>
        <source>No poster yet</source>
        <translation>Постера пока нет</translation>
    </message>
    <message>
        <source>New poster chosen</source>
        <translation>Выбран новый постер</translation>
    </message>
    <message>
        <source>The poster will be removed</source>
        <translation>Постер будет удалён</translation>
    </message>
    <message>
        <source>Choose a poster</source>
        <translation>Выбор постера</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Постер</translation>
    </message>
</context>
<context>
    <name>FilmOperations</name>
    <message>
        <source>Clear rating of {title}</source>
        <translation>снятие оценки «{title}»</translation>
    </message>
    <message>
        <source>Set rating of {title}</source>
        <translation>оценка «{title}»</translation>
    </message>
    <message>
        <source>Mark {title} not watched</source>
        <translation>снятие отметки о просмотре «{title}»</translation>
    </message>
    <message>
        <source>Mark {title} watched</source>
        <translation>отметка о просмотре «{title}»</translation>
    </message>
    <message>
        <source>Set tags of {title}</source>
        <translation>изменение тегов «{title}»</translation>
    </message>
    <message>
        <source>Edit notes of {title}</source>
        <translation>изменение заметок «{title}»</translation>
    </message>
    <message>
        <source>Edit {title}</source>
        <translation>изменение «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… и ещё %Ln</numerusform>
            <numerusform>… и ещё %Ln</numerusform>
            <numerusform>… и ещё %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{title}”?</source>
        <translation>Удалить «{title}»?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln film(s)?</source>
        <translation>
            <numerusform>Удалить %Ln фильм?</numerusform>
            <numerusform>Удалить %Ln фильма?</numerusform>
            <numerusform>Удалить %Ln фильмов?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete films</source>
        <translation>Удаление фильмов</translation>
    </message>
    <message>
        <source>Delete film</source>
        <translation>Удаление фильма</translation>
    </message>
    <message>
        <source>You can undo this with Edit › Undo.</source>
        <translation>Это можно отменить: Правка › Отменить.</translation>
    </message>
    <message>
        <source>Mark {title} not watched?</source>
        <translation>Снять отметку о просмотре {title}?</translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln film(s) not watched?</source>
        <translation>
            <numerusform>Снять отметку о просмотре с %Ln фильма?</numerusform>
            <numerusform>Снять отметку о просмотре с %Ln фильмов?</numerusform>
            <numerusform>Снять отметку о просмотре с %Ln фильмов?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This removes %Ln viewing(s) from the watch history, with their ratings and notes.</source>
        <translation>
            <numerusform>Из истории просмотров будет удалён %Ln просмотр вместе с оценками и заметками.</numerusform>
            <numerusform>Из истории просмотров будут удалены %Ln просмотра вместе с оценками и заметками.</numerusform>
            <numerusform>Из истории просмотров будут удалены %Ln просмотров вместе с оценками и заметками.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark not watched</source>
        <translation>Снять отметку о просмотре</translation>
    </message>
    <message>
        <source>Mark Not Watched</source>
        <translation>Снять отметку</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln film(s) watched</source>
        <translation>
            <numerusform>отметка о просмотре %Ln фильма</numerusform>
            <numerusform>отметка о просмотре %Ln фильмов</numerusform>
            <numerusform>отметка о просмотре %Ln фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln film(s) not watched</source>
        <translation>
            <numerusform>снятие отметки о просмотре %Ln фильма</numerusform>
            <numerusform>снятие отметки о просмотре %Ln фильмов</numerusform>
            <numerusform>снятие отметки о просмотре %Ln фильмов</numerusform>
        </translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Добавить тег</translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %Ln film(s):</source>
        <translation>
            <numerusform>Тег для %Ln фильма:</numerusform>
            <numerusform>Тег для %Ln фильмов:</numerusform>
            <numerusform>Тег для %Ln фильмов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add tag “{tag}” to %Ln film(s)</source>
        <translation>
            <numerusform>добавление тега «{tag}» к %Ln фильму</numerusform>
            <numerusform>добавление тега «{tag}» к %Ln фильмам</numerusform>
            <numerusform>добавление тега «{tag}» к %Ln фильмам</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected films have no tags.</source>
        <translation>У выделенных фильмов нет тегов.</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Снять тег</translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %Ln film(s):</source>
        <translation>
            <numerusform>Какой тег снять с %Ln фильма:</numerusform>
            <numerusform>Какой тег снять с %Ln фильмов:</numerusform>
            <numerusform>Какой тег снять с %Ln фильмов:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tag “{tag}” from %Ln film(s)</source>
        <translation>
            <numerusform>снятие тега «{tag}» с %Ln фильма</numerusform>
            <numerusform>снятие тега «{tag}» с %Ln фильмов</numerusform>
            <numerusform>снятие тега «{tag}» с %Ln фильмов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilmPickerDialog</name>
    <message>
        <source>Type part of a title, a year or a director…</source>
        <translation>Введите часть названия, год или режиссёра…</translation>
    </message>
    <message>
        <source>(in the list already)</source>
        <translation>(уже в списке)</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total}; type to narrow down.</source>
        <translation>Показаны первые {shown} из {total}; уточните поиск.</translation>
    </message>
    <message>
        <source>Select several with Ctrl or Shift; a double-click adds one film.</source>
        <translation>Несколько фильмов выделяются с Ctrl или Shift; двойной щелчок добавляет один фильм.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n film(s)</source>
        <translation>
            <numerusform>Добавить %n фильм</numerusform>
            <numerusform>Добавить %n фильма</numerusform>
            <numerusform>Добавить %n фильмов</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
</context>
<context>
    <name>FilmTable</name>
    <message>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
</context>
<context>
    <name>FilmTableModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Original title</source>
        <translation>Оригинал</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>Режиссёр</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Просмотрено</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Не просмотрено</translation>
    </message>
    <message>
        <source>Watched on {date}</source>
        <translation>Просмотрено {date}</translation>
    </message>
</context>
<context>
    <name>FilmsPanel</name>
    <message>
        <source>Clear search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>No films here.</source>
        <translation>Здесь нет фильмов.</translation>
    </message>
    <message>
        <source>This saved search finds no films.</source>
        <translation>Этот сохранённый поиск не находит ни одного фильма.</translation>
    </message>
    <message>
        <source>No films match “{text}”.</source>
        <translation>По запросу «{text}» фильмов нет.</translation>
    </message>
    <message>
        <source>The catalog is empty. Add a film with File › New Film.</source>
        <translation>Каталог пуст. Добавьте фильм: Файл › Новый фильм.</translation>
    </message>
    <message>
        <source>Loading the catalog…</source>
        <translation>Каталог загружается…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln фильм</numerusform>
            <numerusform>%Ln фильма</numerusform>
            <numerusform>%Ln фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln watched</source>
        <translation>
            <numerusform>%Ln просмотрен</numerusform>
            <numerusform>%Ln просмотрено</numerusform>
            <numerusform>%Ln просмотрено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln показан</numerusform>
            <numerusform>%Ln показано</numerusform>
            <numerusform>%Ln показано</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <source>Handout: {name}</source>
        <translation>Раздаточный материал: {name}</translation>
    </message>
    <message>
        <source>Show for each film</source>
        <translation>Для каждого фильма показывать</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Описание</translation>
    </message>
    <message>
        <source>“Did you &amp;know?”</source>
        <translation>«&amp;Знаете ли вы?»</translation>
    </message>
    <message>
        <source>&amp;Teacher’s note</source>
        <translation>Заметка &amp;учителя</translation>
    </message>
    <message>
        <source>With p&amp;osters</source>
        <translation>С пос&amp;терами</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source> lines</source>
        <translation> шт.</translation>
    </message>
    <message>
        <source>Space for students’ notes:</source>
        <translation>Строк для заметок учеников:</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Сохранить в &amp;PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;HTML…</source>
        <translation>Сохранить в &amp;HTML…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the handout</source>
        <translation>Сохранить раздаточный материал</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Веб-страница (*.html)</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>Раздаточный материал</translation>
    </message>
    <message>
        <source>{path} could not be written.</source>
        <translation>Не удалось записать {path}.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>Импорт «{file}»</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln новый</numerusform>
            <numerusform>%Ln новых</numerusform>
            <numerusform>%Ln новых</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln обновлён</numerusform>
            <numerusform>%Ln обновлено</numerusform>
            <numerusform>%Ln обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln без изменений</numerusform>
            <numerusform>%Ln без изменений</numerusform>
            <numerusform>%Ln без изменений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform>
            <numerusform>%n фильма</numerusform>
            <numerusform>%n фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Screening lists: {names}.</source>
        <translation>Списки показа: {names}.</translation>
    </message>
    <message>
        <source>Import the other rows and leave these out</source>
        <translation>Импортировать остальные строки, а эти пропустить</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with problems; nothing is imported unless you choose to leave them out:</source>
        <translation>
            <numerusform>%Ln строка с ошибкой; ничего не будет импортировано, если не пропустить её:</numerusform>
            <numerusform>%Ln строки с ошибками; ничего не будет импортировано, если не пропустить их:</numerusform>
            <numerusform>%Ln строк с ошибками; ничего не будет импортировано, если не пропустить их:</numerusform>
        </translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>Фильм</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) left out by design</source>
        <translation>
            <numerusform>%Ln строка пропущена намеренно</numerusform>
            <numerusform>%Ln строки пропущены намеренно</numerusform>
            <numerusform>%Ln строк пропущено намеренно</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) on rows that are imported</source>
        <translation>
            <numerusform>%Ln примечание к импортируемым строкам</numerusform>
            <numerusform>%Ln примечания к импортируемым строкам</numerusform>
            <numerusform>%Ln примечаний к импортируемым строкам</numerusform>
        </translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
</context>
<context>
    <name>ListCommands</name>
    <message>
        <source>New collection “{name}”</source>
        <translation>создание коллекции «{name}»</translation>
    </message>
    <message>
        <source>Delete collection “{name}”</source>
        <translation>удаление коллекции «{name}»</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>добавление комментария</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>изменение комментария</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>удаление комментария</translation>
    </message>
    <message>
        <source>Duplicate list “{name}”</source>
        <translation>дублирование списка «{name}»</translation>
    </message>
    <message>
        <source>New list “{name}”</source>
        <translation>создание списка «{name}»</translation>
    </message>
    <message>
        <source>Delete list “{name}”</source>
        <translation>удаление списка «{name}»</translation>
    </message>
</context>
<context>
    <name>ListEntriesModel</name>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Дата и время</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>Фильм</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Длит.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>Показан</translation>
    </message>
    <message>
        <source>Double-click to set the date and time; Delete clears it.</source>
        <translation>Двойной щелчок — задать дату и время; Delete — очистить.</translation>
    </message>
</context>
<context>
    <name>ListOperations</name>
    <message>
        <source>New screening list</source>
        <translation>Новый список показа</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Переименовать список</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Rename list {name}</source>
        <translation>переименование списка {name}</translation>
    </message>
    <message>
        <source>Edit screening list</source>
        <translation>Изменить список показа</translation>
    </message>
    <message>
        <source>Edit list {name}</source>
        <translation>изменение списка {name}</translation>
    </message>
    <message>
        <source>Delete the screening list {name}?</source>
        <translation>Удалить список показа {name}?</translation>
    </message>
    <message>
        <source>Its films stay in the catalog. You can undo this with Edit › Undo.</source>
        <translation>Фильмы останутся в каталоге. Это можно отменить: Правка › Отменить.</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Удаление списка</translation>
    </message>
    <message>
        <source>Those films are in {name} already; a film appears in a list once.</source>
        <translation>Эти фильмы уже есть в списке {name}: фильм входит в список только один раз.</translation>
    </message>
    <message numerus="yes">
        <source>%n in it already</source>
        <translation>
            <numerusform>%n уже есть в списке</numerusform>
            <numerusform>%n уже есть в списке</numerusform>
            <numerusform>%n уже есть в списке</numerusform>
        </translation>
    </message>
    <message>
        <source>Add films to {name}</source>
        <translation>Добавить фильмы в {name}</translation>
    </message>
    <message>
        <source>Remove {film} from {name}</source>
        <translation>удаление {film} из {name}</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n film(s) from {name}</source>
        <translation>
            <numerusform>удаление %n фильма из {name}</numerusform>
            <numerusform>удаление %n фильмов из {name}</numerusform>
            <numerusform>удаление %n фильмов из {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>Move {film} in {name}</source>
        <translation>перемещение {film} в списке {name}</translation>
    </message>
    <message numerus="yes">
        <source>Move %n film(s) in {name}</source>
        <translation>
            <numerusform>перемещение %n фильма в списке {name}</numerusform>
            <numerusform>перемещение %n фильмов в списке {name}</numerusform>
            <numerusform>перемещение %n фильмов в списке {name}</numerusform>
        </translation>
    </message>
    <message>
        <source>Put {name} in date order</source>
        <translation>сортировка {name} по дате</translation>
    </message>
    <message>
        <source>Edit note on {film}</source>
        <translation>изменение заметки к {film}</translation>
    </message>
    <message>
        <source>Clear date of {film}</source>
        <translation>удаление даты показа {film}</translation>
    </message>
    <message>
        <source>Schedule {film}</source>
        <translation>назначение даты показа {film}</translation>
    </message>
    <message>
        <source>Mark {film} screened</source>
        <translation>отметка о показе {film}</translation>
    </message>
    <message>
        <source>Mark {film} not screened</source>
        <translation>снятие отметки о показе {film}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Note on {film} (printed on the handout):</source>
        <translation>Заметка к {film} (печатается в раздаточном материале):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Follow the &amp;Desktop</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>Св&amp;етлое</translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation>&amp;Тёмное</translation>
    </message>
    <message>
        <source>Showing changes made elsewhere.</source>
        <translation>Показаны изменения, сделанные в другом месте.</translation>
    </message>
    <message>
        <source>Added {title}. Showing all films, so that it can be seen.</source>
        <translation>Добавлен фильм {title}. Показаны все фильмы, чтобы его было видно.</translation>
    </message>
    <message>
        <source>Added {title}. It did not match the search, so the search was cleared.</source>
        <translation>Добавлен фильм {title}. Он не подходил под поиск, поэтому поиск сброшен.</translation>
    </message>
    <message>
        <source>All films</source>
        <translation>Все фильмы</translation>
    </message>
    <message>
        <source>The statistics could not be counted: {reason}.</source>
        <translation>Не удалось подсчитать статистику: {reason}.</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Как в &amp;системе</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>“{action}” could not be saved.</source>
        <translation>Не удалось сохранить: {action}.</translation>
    </message>
    <message>
        <source>This shared catalog is read-only for you: your account ({user}) may only read {path}. You can browse, search and export; nothing can be changed.</source>
        <translation>Этот общий каталог для вас только для чтения: ваша учётная запись ({user}) может лишь читать {path}. Можно просматривать, искать и экспортировать; изменить ничего нельзя.</translation>
    </message>
    <message>
        <source>This catalog was opened read-only ({path}). You can browse, search and export; nothing can be changed.</source>
        <translation>Каталог открыт только для чтения ({path}). Можно просматривать, искать и экспортировать; изменить ничего нельзя.</translation>
    </message>
    <message>
        <source>This catalog is read-only: filmdesk has no permission to change {path}. You can browse, search and export; nothing can be changed.</source>
        <translation>Каталог открыт только для чтения: у filmdesk нет прав изменять {path}. Можно просматривать, искать и экспортировать, но не изменять.</translation>
    </message>
    <message>
        <source>filmdesk (read-only)</source>
        <translation>filmdesk (только чтение)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>filmdesk will use the new language the next time it starts.</source>
        <translation>Новый язык будет применён при следующем запуске filmdesk.</translation>
    </message>
</context>
<context>
    <name>Membership</name>
    <message>
        <source>Add to</source>
        <translation>Добавить в</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Новая коллекция…</translation>
    </message>
    <message>
        <source>Screening lists</source>
        <translation>Списки показа</translation>
    </message>
    <message>
        <source>New screening list…</source>
        <translation>Новый список показа…</translation>
    </message>
    <message>
        <source>Remove from {name}</source>
        <translation>Убрать из {name}</translation>
    </message>
</context>
<context>
    <name>PosterBox</name>
    <message>
        <source>Replace…</source>
        <translation>Заменить…</translation>
    </message>
    <message>
        <source>Choose another image for the poster</source>
        <translation>Выбрать для постера другое изображение</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove the poster (Edit › Undo brings it back)</source>
        <translation>Удалить постер (Правка › Отменить вернёт его)</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>More poster actions</source>
        <translation>Другие действия с постером</translation>
    </message>
    <message>
        <source>&amp;Copy Poster</source>
        <translation>&amp;Копировать постер</translation>
    </message>
    <message>
        <source>&amp;Save Poster As…</source>
        <translation>&amp;Сохранить постер как…</translation>
    </message>
    <message>
        <source>or drop an image here</source>
        <translation>или перетащите сюда изображение</translation>
    </message>
    <message>
        <source>Set Poster…</source>
        <translation>Задать постер…</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Постер</translation>
    </message>
    <message>
        <source>&amp;Replace Poster…</source>
        <translation>&amp;Заменить постер…</translation>
    </message>
    <message>
        <source>Re&amp;move Poster</source>
        <translation>&amp;Удалить постер</translation>
    </message>
    <message>
        <source>Set &amp;Poster…</source>
        <translation>&amp;Задать постер…</translation>
    </message>
</context>
<context>
    <name>PosterOperations</name>
    <message>
        <source>Poster of {title}</source>
        <translation>Постер для «{title}»</translation>
    </message>
    <message>
        <source>Set Poster</source>
        <translation>Постер</translation>
    </message>
    <message>
        <source>the dropped image</source>
        <translation>перетащенное изображение</translation>
    </message>
    <message>
        <source>the clipboard&apos;s image</source>
        <translation>изображение из буфера обмена</translation>
    </message>
    <message>
        <source>Paste Poster</source>
        <translation>Вставка постера</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy an image (or an image file) first, then paste it as the poster.</source>
        <translation>В буфере обмена нет изображения. Сначала скопируйте изображение (или файл изображения), затем вставьте его как постер.</translation>
    </message>
    <message>
        <source>Poster copied.</source>
        <translation>Постер скопирован.</translation>
    </message>
    <message>
        <source>Save Poster As</source>
        <translation>Сохранение постера</translation>
    </message>
    <message>
        <source>Images (*.{suffix})</source>
        <translation>Изображения (*.{suffix})</translation>
    </message>
    <message>
        <source>The poster could not be saved to {file}: {reason}.</source>
        <translation>Не удалось сохранить постер в {file}: {reason}.</translation>
    </message>
    <message>
        <source>Poster saved to {file}.</source>
        <translation>Постер сохранён в {file}.</translation>
    </message>
</context>
<context>
    <name>Posters</name>
    <message>
        <source>Images ({patterns})</source>
        <translation>Изображения ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Preparing the poster…</source>
        <translation>Подготовка постера…</translation>
    </message>
    <message>
        <source>The poster was not set; nothing has changed.

{reason}.</source>
        <translation>Постер не задан, ничего не изменилось.

{reason}.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Daily copy</source>
        <translation>Ежедневная копия</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Перед импортом</translation>
    </message>
    <message>
        <source>Before filmdesk was upgraded</source>
        <translation>Перед обновлением filmdesk</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Перед восстановлением</translation>
    </message>
    <message>
        <source>Damaged catalog</source>
        <translation>Повреждённый каталог</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>filmdesk copies the catalog each day it is opened, and before every import, upgrade and restore. Choose the copy to go back to.</source>
        <translation>filmdesk копирует каталог каждый день, когда его открывают, а также перед каждым импортом, обновлением и восстановлением. Выберите копию, к которой нужно вернуться.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>There are no backups of this catalog yet. The first is made the next time filmdesk opens it on another day, or before an import.</source>
        <translation>Резервных копий этого каталога пока нет. Первая появится, когда filmdesk откроет его в другой день, или перед импортом.</translation>
    </message>
    <message>
        <source>Every film, collection and screening list will be as it was in that copy. The catalog as it is now is kept as a backup first: Edit › Undo brings it back.</source>
        <translation>Все фильмы, коллекции и списки показа станут такими, как в этой копии. Нынешний каталог сначала сохраняется в резервную копию: Правка › Отменить вернёт его.</translation>
    </message>
    <message>
        <source>Kept in {folder}</source>
        <translation>Хранятся в {folder}</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Open Backups &amp;Folder</source>
        <translation>Открыть &amp;папку копий</translation>
    </message>
</context>
<context>
    <name>Runtime</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} мин</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} ч</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
</context>
<context>
    <name>SavedSearchDialog</name>
    <message>
        <source>e.g. Seventies not yet seen</source>
        <translation>например, Семидесятые, ещё не смотрел</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>e.g. year:1970..1979 watched:no</source>
        <translation>например, year:1970..1979 watched:no</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Поиск:</translation>
    </message>
    <message>
        <source>{scope} (not found)</source>
        <translation>{scope} (не найдено)</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;Где искать:</translation>
    </message>
</context>
<context>
    <name>ScreeningListController</name>
    <message>
        <source>Edit note…</source>
        <translation>Изменить заметку…</translation>
    </message>
    <message>
        <source>Set date and time…</source>
        <translation>Задать дату и время…</translation>
    </message>
    <message>
        <source>Clear date</source>
        <translation>Убрать дату</translation>
    </message>
    <message>
        <source>Mark not screened</source>
        <translation>Снять отметку о показе</translation>
    </message>
    <message>
        <source>Mark screened</source>
        <translation>Отметить как показанный</translation>
    </message>
    <message>
        <source>Move up	Alt+Up</source>
        <translation>Переместить вверх	Alt+Вверх</translation>
    </message>
    <message>
        <source>Move down	Alt+Down</source>
        <translation>Переместить вниз	Alt+Вниз</translation>
    </message>
    <message>
        <source>Put the list in date order</source>
        <translation>Отсортировать список по дате</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Убрать из списка</translation>
    </message>
</context>
<context>
    <name>ScreeningListView</name>
    <message>
        <source>Edit details…</source>
        <translation>Изменить сведения…</translation>
    </message>
    <message>
        <source>Change the list&apos;s title, audience and description</source>
        <translation>Изменить название, аудиторию и описание списка</translation>
    </message>
    <message>
        <source>Add films…</source>
        <translation>Добавить фильмы…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <source>The films stay in the catalog</source>
        <translation>Фильмы останутся в каталоге</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Вверх</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Вниз</translation>
    </message>
    <message>
        <source>Handout…</source>
        <translation>Раздаточный материал…</translation>
    </message>
    <message>
        <source>Preview, print or save a handout for the class</source>
        <translation>Просмотреть, напечатать или сохранить раздаточный материал для класса</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save the list as CSV or for Letterboxd</source>
        <translation>Сохранить список в CSV или для Letterboxd</translation>
    </message>
    <message>
        <source>Films in the list</source>
        <translation>Фильмы в списке</translation>
    </message>
    <message>
        <source>This list has no films yet.

Add them here, or choose “All films” in the sidebar and drag films onto the list&apos;s name.</source>
        <translation>В этом списке пока нет фильмов.

Добавьте их здесь или выберите «Все фильмы» в боковой панели и перетащите фильмы на название списка.</translation>
    </message>
    <message>
        <source>For {audience}</source>
        <translation>Аудитория: {audience}</translation>
    </message>
    <message>
        <source>No audience given</source>
        <translation>Аудитория не указана</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform>
            <numerusform>%n фильма</numerusform>
            <numerusform>%n фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>runtime unknown for %n</source>
        <translation>
            <numerusform>длительность неизвестна у %n фильма</numerusform>
            <numerusform>длительность неизвестна у %n фильмов</numerusform>
            <numerusform>длительность неизвестна у %n фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n screened</source>
        <translation>
            <numerusform>%n показан</numerusform>
            <numerusform>%n показано</numerusform>
            <numerusform>%n показано</numerusform>
        </translation>
    </message>
    <message>
        <source>This list has no films.</source>
        <translation>В этом списке нет фильмов.</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search titles, directors, tags, notes…   try: cranes   year:1970..1979   rating:&gt;=4</source>
        <translation>Поиск по названиям, режиссёрам, тегам, заметкам…   например: журавли   year:1970..1979   rating:&gt;=4</translation>
    </message>
    <message>
        <source>Search films</source>
        <translation>Поиск фильмов</translation>
    </message>
    <message>
        <source>Words match the start of words in titles, directors, tags, notes and descriptions.
Field terms: year:1957  year:1970..1979  rating:&gt;=4  tag:war  watched:no  director:ryazanov
A leading - excludes: -tag:war</source>
        <translation>Слова ищутся по началу слов в названиях, именах режиссёров, тегах, заметках и описаниях.
Условия по полям: year:1957  year:1970..1979  rating:&gt;=4  tag:война  watched:no  director:ryazanov
Минус в начале исключает: -tag:война</translation>
    </message>
    <message>
        <source>Cannot search for {term}: {problem}</source>
        <translation>Ошибка в условии {term}: {problem}</translation>
    </message>
</context>
<context>
    <name>SearchOperations</name>
    <message>
        <source>All films</source>
        <translation>Все фильмы</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Просмотренные</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Непросмотренные</translation>
    </message>
    <message>
        <source>Collection: {name}</source>
        <translation>Коллекция: {name}</translation>
    </message>
    <message>
        <source>Screening list: {name}</source>
        <translation>Список показа: {name}</translation>
    </message>
    <message>
        <source>Tag: {name}</source>
        <translation>Тег: {name}</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Сохранить поиск</translation>
    </message>
    <message>
        <source>Save search {name}</source>
        <translation>сохранение поиска {name}</translation>
    </message>
    <message>
        <source>Saved. {name} is in the sidebar under “Saved searches”.</source>
        <translation>Сохранено. {name} — на боковой панели в разделе «Сохранённые поиски».</translation>
    </message>
    <message>
        <source>Edit saved search</source>
        <translation>Изменить сохранённый поиск</translation>
    </message>
    <message>
        <source>Edit saved search {name}</source>
        <translation>изменение сохранённого поиска {name}</translation>
    </message>
    <message>
        <source>Rename saved search</source>
        <translation>Переименовать сохранённый поиск</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Новое название:</translation>
    </message>
    <message>
        <source>Rename saved search {name}</source>
        <translation>переименование сохранённого поиска {name}</translation>
    </message>
    <message>
        <source>Delete saved search {name}</source>
        <translation>удаление сохранённого поиска {name}</translation>
    </message>
    <message>
        <source>Saved search deleted. Edit › Undo brings it back.</source>
        <translation>Сохранённый поиск удалён. Правка › Отменить вернёт его.</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>e.g. films.school.example or 192.168.1.20</source>
        <translation>например, films.school.example или 192.168.1.20</translation>
    </message>
    <message>
        <source>e.g. filmclub</source>
        <translation>например, filmclub</translation>
    </message>
    <message>
        <source>your account on the server</source>
        <translation>ваша учётная запись на сервере</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Сервер:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
</context>
<context>
    <name>ServerLink</name>
    <message>
        <source>The catalog&apos;s server cannot be reached. filmdesk keeps trying; what you type is kept and saved when the server answers again.</source>
        <translation>Сервер каталога недоступен. filmdesk продолжает попытки; всё, что вы вводите, сохранится, когда сервер снова ответит.</translation>
    </message>
    <message>
        <source>Connected to the catalog&apos;s server again.</source>
        <translation>Связь с сервером каталога восстановлена.</translation>
    </message>
</context>
<context>
    <name>SharedCatalogDialog</name>
    <message>
        <source>Open Shared Catalog</source>
        <translation>Открыть общий каталог</translation>
    </message>
    <message>
        <source>A catalog on a PostgreSQL server, shared by a film club or a school: everyone sees the others&apos; changes as they are made.</source>
        <translation>Каталог на сервере PostgreSQL, общий для киноклуба или школы: каждый сразу видит изменения других.</translation>
    </message>
    <message>
        <source>leave empty if it is saved already</source>
        <translation>оставьте пустым, если он уже сохранён</translation>
    </message>
    <message>
        <source>A password typed here is saved in {file}, which only you can read, where PostgreSQL&apos;s own tools look for it; filmdesk&apos;s settings never hold it.</source>
        <translation>Введённый здесь пароль сохраняется в {file}: этот файл можете читать только вы, и там его ищут собственные программы PostgreSQL. В настройках filmdesk пароль не хранится.</translation>
    </message>
    <message>
        <source>your account&apos;s name</source>
        <translation>имя вашей учётной записи</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>Your &amp;name on comments:</source>
        <translation>&amp;Имя в комментариях:</translation>
    </message>
    <message>
        <source>Open this catalog &amp;whenever filmdesk starts</source>
        <translation>Открывать этот каталог при &amp;каждом запуске filmdesk</translation>
    </message>
    <message>
        <source>Give the server&apos;s name or address.</source>
        <translation>Укажите имя или адрес сервера.</translation>
    </message>
    <message>
        <source>Give the name of the catalog&apos;s database.</source>
        <translation>Укажите имя базы данных каталога.</translation>
    </message>
    <message>
        <source>Not opened: {reason}</source>
        <translation>Не открыто: {reason}</translation>
    </message>
</context>
<context>
    <name>SharedCatalogOperations</name>
    <message>
        <source>Open Catalog</source>
        <translation>Открыть каталог</translation>
    </message>
    <message>
        <source>filmdesk could not be started again on {target}.</source>
        <translation>Не удалось снова запустить filmdesk с каталогом {target}.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
<context>
    <name>SidePane</name>
    <message>
        <source>Collection</source>
        <translation>Коллекция</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>Фильм</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Library, collections, lists and tags</source>
        <translation>Фильмотека, коллекции, списки и теги</translation>
    </message>
    <message>
        <source>+ New collection</source>
        <translation>+ Новая коллекция</translation>
    </message>
    <message>
        <source>Make a new collection of films</source>
        <translation>Создать новую коллекцию фильмов</translation>
    </message>
    <message>
        <source>+ New screening list</source>
        <translation>+ Новый список показа</translation>
    </message>
    <message>
        <source>Plan screenings for a class or a club: films in order, with dates and notes</source>
        <translation>Спланировать показы для класса или клуба: фильмы по порядку, с датами и заметками</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Фильмотека</translation>
    </message>
    <message>
        <source>All films</source>
        <translation>Все фильмы</translation>
    </message>
    <message>
        <source>Watched</source>
        <translation>Просмотренные</translation>
    </message>
    <message>
        <source>Not watched</source>
        <translation>Непросмотренные</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Коллекции</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Пока нет</translation>
    </message>
    <message>
        <source>Click “+ New collection”</source>
        <translation>Нажмите «+ Новая коллекция»</translation>
    </message>
    <message>
        <source>Screening lists</source>
        <translation>Списки показа</translation>
    </message>
    <message>
        <source>For {audience}</source>
        <translation>Аудитория: {audience}</translation>
    </message>
    <message>
        <source>Click “+ New screening list”</source>
        <translation>Нажмите «+ Новый список показа»</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Сохранённые поиски</translation>
    </message>
    <message>
        <source>Search: {query}</source>
        <translation>Поиск: {query}</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Edit description…</source>
        <translation>Изменить описание…</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>Удалить коллекцию</translation>
    </message>
    <message>
        <source>Edit search…</source>
        <translation>Изменить поиск…</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>Удалить сохранённый поиск</translation>
    </message>
    <message>
        <source>Edit details…</source>
        <translation>Изменить сведения…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <source>Delete list</source>
        <translation>Удалить список</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Новая коллекция…</translation>
    </message>
    <message>
        <source>New screening list…</source>
        <translation>Новый список показа…</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message>
        <source>Not rated</source>
        <translation>Без оценки</translation>
    </message>
    <message>
        <source>{rating} of {count} stars</source>
        <translation>{rating} из {count} звёзд</translation>
    </message>
</context>
<context>
    <name>StarRatingWidget</name>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>{rating}. Click a star to rate; click the current rating to clear it.</source>
        <translation>{rating}. Щёлкните по звезде, чтобы поставить оценку; по текущей оценке — чтобы снять её.</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Период:</translation>
    </message>
    <message>
        <source>Ratings given</source>
        <translation>Поставленные оценки</translation>
    </message>
    <message>
        <source>Films by decade of release</source>
        <translation>Фильмы по десятилетиям выхода</translation>
    </message>
    <message>
        <source>Films</source>
        <translation>Фильмы</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>Viewings</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <source>Most watched directors</source>
        <translation>Чаще всего смотрели: режиссёры</translation>
    </message>
    <message>
        <source>Most watched countries</source>
        <translation>Чаще всего смотрели: страны</translation>
    </message>
    <message>
        <source>Most watched tags</source>
        <translation>Чаще всего смотрели: теги</translation>
    </message>
    <message>
        <source>Highest rated</source>
        <translation>Лучшие оценки</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Could not count: {reason}</source>
        <translation>Не удалось подсчитать: {reason}</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message numerus="yes">
        <source>film(s)</source>
        <translation>
            <numerusform>фильм</numerusform>
            <numerusform>фильма</numerusform>
            <numerusform>фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>watched</source>
        <translation>
            <numerusform>просмотрен</numerusform>
            <numerusform>просмотрено</numerusform>
            <numerusform>просмотрено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>never watched</source>
        <translation>
            <numerusform>ни разу не смотрели</numerusform>
            <numerusform>ни разу не смотрели</numerusform>
            <numerusform>ни разу не смотрели</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>viewing(s)</source>
        <translation>
            <numerusform>просмотр</numerusform>
            <numerusform>просмотра</numerusform>
            <numerusform>просмотров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rewatch(es)</source>
        <translation>
            <numerusform>пересмотр</numerusform>
            <numerusform>пересмотра</numerusform>
            <numerusform>пересмотров</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <translation>
            <numerusform>час</numerusform>
            <numerusform>часа</numerusform>
            <numerusform>часов</numerusform>
        </translation>
    </message>
    <message>
        <source>hours: no runtimes known</source>
        <translation>часов: хронометраж неизвестен</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n фильм</numerusform>
            <numerusform>%n фильма</numerusform>
            <numerusform>%n фильмов</numerusform>
        </translation>
    </message>
    <message>
        <source>{decade}s</source>
        <translation>{decade}-е</translation>
    </message>
    <message>
        <source>Films not watched at all, whatever the period</source>
        <translation>Фильмы, которые не смотрели ни разу, за любой период</translation>
    </message>
    <message>
        <source>Viewings marked as rewatches, or of a film seen earlier in the period</source>
        <translation>Просмотры, отмеченные как повторные, или просмотры фильма, который уже смотрели раньше в этом периоде</translation>
    </message>
    <message>
        <source>The runtimes of the films of the viewings, added up</source>
        <translation>Сумма продолжительностей фильмов по всем просмотрам</translation>
    </message>
    <message numerus="yes">
        <source>%n viewing(s) of films without a runtime not counted</source>
        <translation>
            <numerusform>Не учтён %n просмотр фильмов без продолжительности</numerusform>
            <numerusform>Не учтены %n просмотра фильмов без продолжительности</numerusform>
            <numerusform>Не учтены %n просмотров фильмов без продолжительности</numerusform>
        </translation>
    </message>
    <message>
        <source>Viewings per month in {year}</source>
        <translation>Просмотры по месяцам, {year}</translation>
    </message>
    <message numerus="yes">
        <source>%n viewing(s)</source>
        <translation>
            <numerusform>%n просмотр</numerusform>
            <numerusform>%n просмотра</numerusform>
            <numerusform>%n просмотров</numerusform>
        </translation>
    </message>
    <message>
        <source>Viewings per year</source>
        <translation>Просмотры по годам</translation>
    </message>
    <message>
        <source>last watched {day}</source>
        <translation>последний просмотр {day}</translation>
    </message>
</context>
<context>
    <name>StepFailures</name>
    <message>
        <source>Not saved: the catalog is busy (another program is writing to it). Typed notes are saved again in a moment.</source>
        <translation>Не сохранено: каталог занят (в него пишет другая программа). Набранные заметки будут сохранены чуть позже.</translation>
    </message>
    <message>
        <source>“{action}” could not be saved.</source>
        <translation>Не удалось сохранить: {action}.</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Оставить моё</translation>
    </message>
    <message>
        <source>Keep the Other Change</source>
        <translation>Оставить другое изменение</translation>
    </message>
</context>
<context>
    <name>ViewingDialog</name>
    <message>
        <source>Add Viewing of “{title}”</source>
        <translation>Новый просмотр «{title}»</translation>
    </message>
    <message>
        <source>Edit Viewing of “{title}”</source>
        <translation>Просмотр «{title}»</translation>
    </message>
    <message>
        <source>Day watched</source>
        <translation>День просмотра</translation>
    </message>
    <message>
        <source>Day not &amp;known</source>
        <translation>День &amp;неизвестен</translation>
    </message>
    <message>
        <source>Re&amp;watch: I had seen it before</source>
        <translation>&amp;Повторный: фильм уже смотрели раньше</translation>
    </message>
    <message>
        <source>Where, with whom, what struck you…</source>
        <translation>Где, с кем, что запомнилось…</translation>
    </message>
    <message>
        <source>&amp;Watched on:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Оценка:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
    <message>
        <source>Add Viewing</source>
        <translation>Добавить просмотр</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>ViewingList</name>
    <message>
        <source>Viewings</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <source>&amp;Edit Viewing…</source>
        <translation>&amp;Изменить просмотр…</translation>
    </message>
    <message>
        <source>&amp;Remove Viewing</source>
        <translation>&amp;Удалить просмотр</translation>
    </message>
</context>
<context>
    <name>WatchHistory</name>
    <message>
        <source>day not known</source>
        <translation>день неизвестен</translation>
    </message>
    <message>
        <source>rewatch</source>
        <translation>повторно</translation>
    </message>
    <message>
        <source>Day not known</source>
        <translation>День неизвестен</translation>
    </message>
    <message>
        <source>Rewatch: seen before</source>
        <translation>Повторный просмотр</translation>
    </message>
    <message>
        <source>Add Viewing…</source>
        <translation>Добавить просмотр…</translation>
    </message>
    <message>
        <source>Record a time you watched the film (today, or any day)</source>
        <translation>Записать, что вы посмотрели фильм (сегодня или в другой день)</translation>
    </message>
    <message>
        <source>Edit the selected viewing (double-click it)</source>
        <translation>Изменить выбранный просмотр (или дважды щёлкнуть по нему)</translation>
    </message>
    <message>
        <source>Edit viewing</source>
        <translation>Изменить просмотр</translation>
    </message>
    <message>
        <source>Remove the selected viewings (Delete)</source>
        <translation>Удалить выбранные просмотры (Delete)</translation>
    </message>
    <message>
        <source>Remove viewing</source>
        <translation>Удалить просмотр</translation>
    </message>
    <message>
        <source>Not watched yet</source>
        <translation>Ещё не просмотрено</translation>
    </message>
    <message numerus="yes">
        <source>Seen %n time(s)</source>
        <translation>
            <numerusform>Просмотрено %n раз</numerusform>
            <numerusform>Просмотрено %n раза</numerusform>
            <numerusform>Просмотрено %n раз</numerusform>
        </translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>последний раз {date}</translation>
    </message>
</context>
<context>
    <name>WhenEdit</name>
    <message>
        <source>A date, and a time if you like: 2026-12-01 10:30, or as the list shows it. Without a time (or at 00:00): the day only. Empty: no date.</source>
        <translation>Дата и, если нужно, время: 2026-12-01 10:30 или так, как показано в списке. Без времени (или 00:00) — только день. Пусто — без даты.</translation>
    </message>
    <message>
        <source>Choose the day on a calendar (Alt+Down)</source>
        <translation>Выбрать день в календаре (Alt+Вниз)</translation>
    </message>
</context>
<context>
    <name>_Counting</name>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln фильм</numerusform>
            <numerusform>%Ln фильма</numerusform>
            <numerusform>%Ln фильмов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Delete %Ln film(s)</source>
        <translation>
            <numerusform>удаление %Ln фильма</numerusform>
            <numerusform>удаление %Ln фильмов</numerusform>
            <numerusform>удаление %Ln фильмов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln viewing(s) of {title}</source>
        <translation>
            <numerusform>удаление %Ln просмотра «{title}»</numerusform>
            <numerusform>удаление %Ln просмотров «{title}»</numerusform>
            <numerusform>удаление %Ln просмотров «{title}»</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <source>Add {film} to {name}</source>
        <translation>добавление {film} в {name}</translation>
    </message>
    <message numerus="yes">
        <source>Add %n film(s) to {name}</source>
        <translation>
            <numerusform>добавление %n фильма в {name}</numerusform>
            <numerusform>добавление %n фильмов в {name}</numerusform>
            <numerusform>добавление %n фильмов в {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
