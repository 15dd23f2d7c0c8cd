; The Windows installer of Quality School Desktop, built on Linux with NSIS (Debian's `nsis`):
;   makensis -DDIST=<one-folder build> -DVERSION=0.1.0 -DOUTFILE=<setup.exe> scripts/windows/installer.nsi
; (scripts/windows/installer.sh does it and checks the result under Wine).
;
; In Thai; for the user who runs it, without administrator rights (a shared school laptop):
; the app goes to %LOCALAPPDATA%\Programs\QualitySchoolDesktop, shortcuts to the user's Start menu
; and desktop, .qsx files open with the app (HKCU\Software\Classes), and the uninstaller (Settings >
; Apps) removes the program only: the user's data (%LOCALAPPDATA%\QualitySchoolDesktop: the
; database, its backups and attachments) is never touched.
; Silent: setup.exe /S (and /D=<folder> as the last argument to choose the folder).
;
; The program must be closed before its files are replaced or removed (else old and new files mix,
; or half of it stays): the installer (before copying) and the uninstaller (before removing) check
; that neither QualitySchoolDesktop.exe nor qsd-cli.exe of that folder is running, and ask in Thai
; to close it (ลองใหม่/ยกเลิก). Silent (/S), they change nothing and exit with code 32 (Windows'
; ERROR_SHARING_VIOLATION, "the file is being used by another process").
; How: Windows does not let a file that a running process has loaded as its program be opened for
; writing (the loader maps it as an image), so "open for writing fails" = "that copy is running",
; for any version of the app, the window or the command-line tool, whichever database it has open
; and whichever user started it. Renaming would not do: Windows lets a running .exe be renamed.
; The app's own single-instance lock (ui/shell/database_lock.py) is per database file and held
; only by a window, so it cannot say whether qsd-cli.exe or a window on another file is running.
; A silent uninstaller returns its own exit code only when run in place: uninstall.exe /S _?=<folder>
; (without _?= it hands over to a copy of itself in %TEMP% and returns 0 at once).

Unicode true
; A 64-bit installer for a 64-bit app (it also runs where Wine has no 32-bit support).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !error "DIST (the PyInstaller one-folder build) is required: -DDIST=..."
!endif
!ifndef OUTFILE
  !define OUTFILE "QualitySchoolDesktop-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\app.ico"
!endif

!define APP "QualitySchoolDesktop"
!define APP_TH "โรงเรียนคุณภาพ (Quality School Desktop)"
!define EXE "QualitySchoolDesktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "QualitySchoolDesktop.Exchange"
!define CLI_EXE "qsd-cli.exe"
!define EXIT_APP_RUNNING 32

Name "${APP_TH}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "Software\${APP}" "InstallDir"
BrandingText "Quality School Desktop ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1054 "ProductName" "${APP_TH}"
VIAddVersionKey /LANG=1054 "FileDescription" "ตัวติดตั้งโปรแกรมประเมินตนเองโรงเรียนคุณภาพ"
VIAddVersionKey /LANG=1054 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1054 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1054 "CompanyName" "โครงการโรงเรียนคุณภาพ ๑ อำเภอ ๑ โรงเรียน"
VIAddVersionKey /LANG=1054 "LegalCopyright" "ฟอนต์ Sarabun: SIL Open Font License"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "เปิดโปรแกรมเลย"

; The stock Thai welcome text's second paragraph runs past the page's right edge (issue 12 finding 4).
!define MUI_WELCOMEPAGE_TEXT "โปรแกรมนี้จะติดตั้ง $(^NameDA) สำหรับผู้ใช้คนนี้ ไม่ต้องใช้สิทธิ์ผู้ดูแลระบบ$\r$\n$\r$\nโปรดปิดโปรแกรมโรงเรียนคุณภาพทุกหน้าต่างก่อน$\r$\n$\r$\nกด ต่อไป เพื่อเริ่ม"
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE WaitUntilClosed
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
; NSIS's stock Thai calls the uninstaller "cancel the installation"; ours says ถอนการติดตั้ง
; (uninstall) in every text the uninstaller shows (issue 12 finding 4).
!define MUI_PAGE_HEADER_TEXT "ถอนการติดตั้ง $(^NameDA)"
!define MUI_PAGE_HEADER_SUBTEXT "ถอนโปรแกรมออกจากเครื่องนี้ ข้อมูลของคุณยังเก็บไว้"
; Where the data stays, on this page (try12c: only a message box after the uninstall said so).
!define MUI_UNCONFIRMPAGE_TEXT_TOP "จะถอนโปรแกรมออกจากโฟลเดอร์ด้านล่าง ข้อมูลของคุณ (ฐานข้อมูล สำเนาสำรอง ไฟล์แนบ) ยังเก็บไว้ที่$\r$\n$LOCALAPPDATA\${APP}"
!define MUI_UNCONFIRMPAGE_TEXT_LOCATION "ถอนการติดตั้งจาก:"
!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_PAGE_HEADER_TEXT "กำลังถอนการติดตั้ง"
!define MUI_PAGE_HEADER_SUBTEXT "โปรดรอสักครู่ ระหว่างถอนการติดตั้ง $(^NameDA)"
!define MUI_INSTFILESPAGE_FINISHHEADER_TEXT "ถอนการติดตั้งเสร็จแล้ว"
!define MUI_INSTFILESPAGE_FINISHHEADER_SUBTEXT "ถอนโปรแกรมออกแล้ว ข้อมูลของคุณยังอยู่"
!define MUI_INSTFILESPAGE_ABORTHEADER_TEXT "ถอนการติดตั้งไม่สำเร็จ"
!define MUI_INSTFILESPAGE_ABORTHEADER_SUBTEXT "ถอนการติดตั้งไม่เสร็จ ไม่มีข้อมูลของคุณถูกลบ"
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"
UninstallCaption "ถอนการติดตั้ง $(^Name)"
UninstallButtonText "ถอนการติดตั้ง"
UninstallText "จะถอนการติดตั้ง $(^NameDA) ออกจากโฟลเดอร์นี้" "ถอนการติดตั้งจาก:"
UninstallSubCaption 0 ": ยืนยันการถอนการติดตั้ง"
UninstallSubCaption 1 ": กำลังถอนการติดตั้ง"
UninstallSubCaption 2 ": ถอนการติดตั้งเสร็จแล้ว"

LangString UninstallKept ${LANG_THAI} "ถอนการติดตั้งโปรแกรมแล้ว ข้อมูลของคุณ (ฐานข้อมูล สำเนาสำรอง ไฟล์แนบ) ยังอยู่ที่ $LOCALAPPDATA\${APP}"
LangString RunningApp ${LANG_THAI} "โปรแกรมโรงเรียนคุณภาพยังเปิดอยู่ (หน้าต่างโปรแกรมหรือคำสั่ง qsd-cli) จึงยังเปลี่ยนไฟล์ของโปรแกรมไม่ได้$\r$\n$\r$\nกรุณาบันทึกงานและปิดโปรแกรมทุกหน้าต่างก่อน แล้วกด ลองใหม่ (Retry)$\r$\nหรือกด ยกเลิก (Cancel) เพื่อหยุด โดยยังไม่มีอะไรเปลี่ยนแปลง"

; Whether $INSTDIR's program is running: Windows refuses to open a running program's file for
; writing (see the top of this file). Leaves 1 in $R0 when running, else 0. Writes nothing.
!macro IS_RUNNING_FUNCTION prefix
Function ${prefix}IsRunning
  StrCpy $R0 0
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $R1 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      StrCpy $R0 1
    ${Else}
      FileClose $R1
    ${EndIf}
  ${EndIf}
  ${If} ${FileExists} "$INSTDIR\${CLI_EXE}"
    ClearErrors
    FileOpen $R1 "$INSTDIR\${CLI_EXE}" a
    ${If} ${Errors}
      StrCpy $R0 1
    ${Else}
      FileClose $R1
    ${EndIf}
  ${EndIf}
FunctionEnd

; Until the program is closed: ask (ลองใหม่/ยกเลิก); ยกเลิก, or any run with /S, ends with
; exit code ${EXIT_APP_RUNNING} before anything is changed.
Function ${prefix}WaitUntilClosed
  ${Do}
    Call ${prefix}IsRunning
    ${If} $R0 == 0
      Return
    ${EndIf}
    ${If} ${Silent}
      SetErrorLevel ${EXIT_APP_RUNNING}
      Quit
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RunningApp)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel ${EXIT_APP_RUNNING}
    Quit
    retry:
  ${Loop}
FunctionEnd
!macroend
!insertmacro IS_RUNNING_FUNCTION ""
!insertmacro IS_RUNNING_FUNCTION "un."

Section "โปรแกรม" SecMain
  SectionIn RO
  SetShellVarContext current
  ; Again here: a silent install has no directory page, and the app may have been started since.
  Call WaitUntilClosed
  SetOutPath "$INSTDIR"
  ; An update replaces the program's files only (never the user's data, which lives elsewhere).
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_TH}"
  CreateShortcut "$SMPROGRAMS\${APP_TH}\โรงเรียนคุณภาพ.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_TH}\โรงเรียนคุณภาพ (ข้อมูลตัวอย่าง).lnk" "$INSTDIR\${EXE}" "--demo" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_TH}\ถอนการติดตั้ง.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\โรงเรียนคุณภาพ.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; .qsx (exchange files) open with the app, for this user only.
  WriteRegStr HKCU "Software\Classes\.qsx" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "ไฟล์แลกเปลี่ยนข้อมูลโรงเรียนคุณภาพ"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" --import "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings > Apps, for this user.
  WriteRegStr HKCU "Software\${APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TH}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "โครงการโรงเรียนคุณภาพ ๑ อำเภอ ๑ โรงเรียน"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  Call un.WaitUntilClosed
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Call un.WaitUntilClosed
  ; The program's folder only: the data folder ($LOCALAPPDATA\QualitySchoolDesktop) stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\QualitySchoolDesktop.exe"
  Delete "$INSTDIR\qsd-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$DESKTOP\โรงเรียนคุณภาพ.lnk"
  RMDir /r "$SMPROGRAMS\${APP_TH}"
  ReadRegStr $0 HKCU "Software\Classes\.qsx" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.qsx"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  IfSilent +2
    MessageBox MB_OK|MB_ICONINFORMATION "$(UninstallKept)"
SectionEnd
