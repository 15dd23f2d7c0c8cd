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
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "เปิดโปรแกรมเลย"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Thai"

LangString UninstallKept ${LANG_THAI} "ถอนการติดตั้งโปรแกรมแล้ว ข้อมูลของคุณ (ฐานข้อมูล สำเนาสำรอง ไฟล์แนบ) ยังอยู่ที่ $LOCALAPPDATA\${APP}"
LangString RunningApp ${LANG_THAI} "กรุณาปิดโปรแกรมโรงเรียนคุณภาพก่อน แล้วกด ลองใหม่"

Section "โปรแกรม" SecMain
  SectionIn RO
  SetShellVarContext current
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

Section "Uninstall"
  SetShellVarContext current
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
