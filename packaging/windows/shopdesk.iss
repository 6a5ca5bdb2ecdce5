; Inno Setup 6 script: the Windows installer for the bundle `make bundle` built in dist\ShopDesk.
;   iscc packaging\windows\shopdesk.iss        (from the repository root; see packaging/README.md)
; Writes dist\ShopDesk-<version>-windows-setup.exe.
;
; - Per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\ShopDesk.
; - Start-menu shortcuts (ShopDesk, uninstall) and, if ticked, a desktop shortcut.
; - Uninstalling removes the program only. The data folder (%LOCALAPPDATA%\ShopDesk: the
;   register, backups, evidence, logs) is never touched: it is not listed here, and the
;   installer never writes into it.
; - Chinese (Simplified) first, English second; the installer picks by the Windows language.
; The version is read from ShopDesk.exe's version resource (bundle_meta.py wrote it from
; shopdesk/__init__.py), so it is written in one place.

#define AppName "ShopDesk"
#define SourceDir "..\..\dist\ShopDesk"
#define AppExe "ShopDesk.exe"
#define AppVersion GetStringFileInfo(SourceDir + "\" + AppExe, "ProductVersion")
#if AppVersion == ""
  #error dist\ShopDesk\ShopDesk.exe is missing or has no version: run make bundle first
#endif

[Setup]
; Never change AppId: Windows finds an installed ShopDesk to update or remove by it.
AppId={{6F1C2A4E-5B7D-4C1E-9A3F-2D8E7B6C5A41}
AppName={#AppName}
AppVerName={#AppName} {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=ShopDesk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ShopDesk-{#AppVersion}-windows-setup
SetupIconFile=..\icons\shopdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} 店铺售后台
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running ShopDesk before replacing its files (it holds the register open).
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl ships with newer Inno Setup; older ones have it among the unofficial
; translations: then put it beside this script (packaging/README.md).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.LaunchApp=启动店铺售后台
english.LaunchApp=Start ShopDesk
chinesesimplified.CommandLine=命令行（shopdesk-console）
english.CommandLine=Command line (shopdesk-console)
chinesesimplified.DataKept=您的登记簿、备份和证据保存在数据文件夹中，卸载不会删除它们。
english.DataKept=Your register, backups and evidence stay in the data folder; uninstalling never deletes them.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the program folder's bundled libraries; files of an older version that
; the new one no longer ships would otherwise linger and could be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "店铺售后台 — after-sales desk"
Name: "{autoprograms}\{#AppName} {cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\shopdesk-console.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer itself put in {app}; the data folder is elsewhere and stays.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
