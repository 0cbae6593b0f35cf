<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Qt's own strings that Qt's Simplified Chinese catalogue (qtbase_zh_CN.qm, shipped with
  PySide6) lacks or words oddly. Installed after it, so these win (ui/i18n.py).
  Written by hand: lupdate does not touch this file; packaging/build_translations.py compiles it.

  - QFileDialog: Qt 6 labels "&Look in:" and "Files of &type:" carry an accelerator that the
    catalogue's old "Look in:" / "Files of type:" do not, so they stayed English.
  - QAbstractFileIconProvider: the file dialog's Type column ("Folder", "Drive", "Unknown")
    moved to this context in Qt 6; the catalogue still has them under the old one.
  - QFileSystemModel "Size": the catalogue says 体积 (volume); a file's size is 大小.
-->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>Match OS X Finder</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File Folder</source>
        <comment>Match Windows Explorer</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
</TS>
