<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CollectionOperations</name>
    <message numerus="yes">
        <source>Remove %n film(s) from {name}</source>
        <translation>
            <numerusform>Remove %n film from {name}</numerusform>
            <numerusform>Remove %n films from {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionPanel</name>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n film</numerusform>
            <numerusform>%n films</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>All films (%Ln)</source>
        <translation>
            <numerusform>All films (%Ln)</numerusform>
            <numerusform>All films (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Films the search shows (%Ln)</source>
        <translation>
            <numerusform>Films the search shows (%Ln)</numerusform>
            <numerusform>Films the search shows (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected films (%Ln)</source>
        <translation>
            <numerusform>Selected films (%Ln)</numerusform>
            <numerusform>Selected films (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message numerus="yes">
        <source>Imported {file}: %Ln added</source>
        <translation>
            <numerusform>Imported {file}: %Ln added</numerusform>
            <numerusform>Imported {file}: %Ln added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln film(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln film to {path}</numerusform>
            <numerusform>Exported %Ln films to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln film</numerusform>
            <numerusform>%Ln films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln viewing(s)</source>
        <translation>
            <numerusform>%Ln viewing</numerusform>
            <numerusform>%Ln viewings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln poster(s)</source>
        <translation>
            <numerusform>%Ln poster</numerusform>
            <numerusform>%Ln posters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln collection(s)</source>
        <translation>
            <numerusform>%Ln collection</numerusform>
            <numerusform>%Ln collections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln comment</numerusform>
            <numerusform>%Ln comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln screening list(s)</source>
        <translation>
            <numerusform>%Ln screening list</numerusform>
            <numerusform>%Ln screening lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entry(ies)</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilmOperations</name>
    <message numerus="yes">
        <source>Mark %Ln film(s) not watched?</source>
        <translation>
            <numerusform>Mark %Ln film not watched?</numerusform>
            <numerusform>Mark %Ln films not watched?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This removes %Ln viewing(s) from the watch history, with their ratings and notes.</source>
        <translation>
            <numerusform>This removes %Ln viewing from the watch history, with its rating and note.</numerusform>
            <numerusform>This removes %Ln viewings from the watch history, with their ratings and notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln film(s)?</source>
        <translation>
            <numerusform>Delete %Ln film?</numerusform>
            <numerusform>Delete %Ln films?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln film(s) watched</source>
        <translation>
            <numerusform>Mark %Ln film watched</numerusform>
            <numerusform>Mark %Ln films watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln film(s) not watched</source>
        <translation>
            <numerusform>Mark %Ln film not watched</numerusform>
            <numerusform>Mark %Ln films not watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to add to %Ln film(s):</source>
        <translation>
            <numerusform>Tag to add to %Ln film:</numerusform>
            <numerusform>Tag to add to %Ln films:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add tag “{tag}” to %Ln film(s)</source>
        <translation>
            <numerusform>Add tag “{tag}” to %Ln film</numerusform>
            <numerusform>Add tag “{tag}” to %Ln films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag to remove from %Ln film(s):</source>
        <translation>
            <numerusform>Tag to remove from %Ln film:</numerusform>
            <numerusform>Tag to remove from %Ln films:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove tag “{tag}” from %Ln film(s)</source>
        <translation>
            <numerusform>Remove tag “{tag}” from %Ln film</numerusform>
            <numerusform>Remove tag “{tag}” from %Ln films</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilmPickerDialog</name>
    <message numerus="yes">
        <source>Add %n film(s)</source>
        <translation>
            <numerusform>Add %n film</numerusform>
            <numerusform>Add %n films</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilmsPanel</name>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln film</numerusform>
            <numerusform>%Ln films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln watched</source>
        <translation>
            <numerusform>%Ln watched</numerusform>
            <numerusform>%Ln watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln shown</numerusform>
            <numerusform>%Ln shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln new</source>
        <translation>
            <numerusform>%Ln new</numerusform>
            <numerusform>%Ln new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n film</numerusform>
            <numerusform>%n films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with problems; nothing is imported unless you choose to leave them out:</source>
        <translation>
            <numerusform>%Ln row with problems; nothing is imported unless you choose to leave them out:</numerusform>
            <numerusform>%Ln rows with problems; nothing is imported unless you choose to leave them out:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) left out by design</source>
        <translation>
            <numerusform>%Ln row left out by design</numerusform>
            <numerusform>%Ln rows left out by design</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) on rows that are imported</source>
        <translation>
            <numerusform>%Ln note on rows that are imported</numerusform>
            <numerusform>%Ln notes on rows that are imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListOperations</name>
    <message numerus="yes">
        <source>%n in it already</source>
        <translation>
            <numerusform>%n in it already</numerusform>
            <numerusform>%n in it already</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n film(s) from {name}</source>
        <translation>
            <numerusform>Remove %n film from {name}</numerusform>
            <numerusform>Remove %n films from {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n film(s) in {name}</source>
        <translation>
            <numerusform>Move %n film in {name}</numerusform>
            <numerusform>Move %n films in {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningListView</name>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n film</numerusform>
            <numerusform>%n films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>runtime unknown for %n</source>
        <translation>
            <numerusform>runtime unknown for %n</numerusform>
            <numerusform>runtime unknown for %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n screened</source>
        <translation>
            <numerusform>%n screened</numerusform>
            <numerusform>%n screened</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message numerus="yes">
        <source>film(s)</source>
        <translation>
            <numerusform>film</numerusform>
            <numerusform>films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>watched</source>
        <translation>
            <numerusform>watched</numerusform>
            <numerusform>watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>never watched</source>
        <translation>
            <numerusform>never watched</numerusform>
            <numerusform>never watched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>viewing(s)</source>
        <translation>
            <numerusform>viewing</numerusform>
            <numerusform>viewings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rewatch(es)</source>
        <translation>
            <numerusform>rewatch</numerusform>
            <numerusform>rewatches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <translation>
            <numerusform>hour</numerusform>
            <numerusform>hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n film(s)</source>
        <translation>
            <numerusform>%n film</numerusform>
            <numerusform>%n films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n viewing(s) of films without a runtime not counted</source>
        <translation>
            <numerusform>%n viewing of a film without a runtime not counted</numerusform>
            <numerusform>%n viewings of films without a runtime not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n viewing(s)</source>
        <translation>
            <numerusform>%n viewing</numerusform>
            <numerusform>%n viewings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchHistory</name>
    <message numerus="yes">
        <source>Seen %n time(s)</source>
        <translation>
            <numerusform>Seen %n time</numerusform>
            <numerusform>Seen %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Counting</name>
    <message numerus="yes">
        <source>%Ln film(s)</source>
        <translation>
            <numerusform>%Ln film</numerusform>
            <numerusform>%Ln films</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Delete %Ln film(s)</source>
        <translation>
            <numerusform>Delete %Ln film</numerusform>
            <numerusform>Delete %Ln films</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %Ln viewing(s) of {title}</source>
        <translation>
            <numerusform>Remove %Ln viewing of {title}</numerusform>
            <numerusform>Remove %Ln viewings of {title}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message numerus="yes">
        <source>Add %n film(s) to {name}</source>
        <translation>
            <numerusform>Add %n film to {name}</numerusform>
            <numerusform>Add %n films to {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
