import { describe, expect, it } from "vitest";
import { decodeEntities, isComponent, looseKey, nameKey, publisherKey } from "../../server/inventory/normalize.ts";

describe("name normalisation", () => {
  it.each([
    ["Mozilla Firefox (x64 fr)", "mozilla firefox"],
    ["Adobe Acrobat Reader DC - Français", "adobe acrobat reader dc"],
    ["Microsoft 365 Apps for enterprise - fr-fr", "microsoft 365 apps for enterprise"],
    ["LibreOffice 7.6.5.2", "libreoffice"],
    ["7-Zip 23.01 (x64)", "7 zip"],
    ["Java(TM) 8 Update 381 (64-bit)", "java 8 update 381"],
    ["QGIS 3.34.4 'Prizren'", "qgis"],
    ["QGIS 3.34 Prizren", "qgis"],
    ["QGIS 3.40 Bratislava", "qgis"],
    ["Office 16.0 Standard", "office standard"],
    ["Kaspersky Endpoint Security 11.11 for Windows", "kaspersky endpoint security"],
    ["Notepad++ (64-bit x64)", "notepad++"],
    ["WinRAR 6.24 (64 bits)", "winrar"],
    ["Microsoft® Office Professionnel Plus 2016", "microsoft office professionnel plus 2016"],
    ["Visual Studio Build Tools 2019", "visual studio build tools 2019"],
    ["Application version 3.2.1", "application"],
  ])("nameKey(%j) = %j", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it("drops numbers and edition words in the loose key", () => {
    expect(looseKey("Microsoft Office Professionnel Plus 2016")).toBe("microsoft office");
    expect(looseKey("Microsoft Office Standard 2019")).toBe("microsoft office");
    expect(looseKey("Adobe Acrobat Reader DC - Français")).toBe("adobe acrobat reader");
    expect(looseKey("Mozilla Firefox ESR (x64 fr)")).toBe("mozilla firefox");
    expect(looseKey("Catalyst 2960-X")).toBe("catalyst");
    // A name made only of numbers keeps something to match on.
    expect(looseKey("3CX")).toBe("3cx");
  });

  it("folds accents, ligatures and HTML entities", () => {
    expect(nameKey("Gestion des Œuvres – Médiathèque")).toBe("gestion des oeuvres mediatheque");
    expect(decodeEntities("AT&amp;T &#039;pro&#39; &eacute;")).toBe("AT&T 'pro' é");
  });

  it("reduces publishers to their distinctive words", () => {
    expect(publisherKey("Microsoft Corporation")).toBe("microsoft");
    expect(publisherKey("Adobe Systems Incorporated")).toBe("adobe");
    expect(publisherKey("Adobe Inc.")).toBe("adobe");
    expect(publisherKey("Cisco Systems, Inc.")).toBe("cisco");
    expect(publisherKey("Zoom Video Communications, Inc.")).toBe("zoom video communications");
    expect(publisherKey(null)).toBe("");
  });

  it("recognises system components", () => {
    expect(isComponent("Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130")).toBe(true);
    expect(isComponent("Mise à jour de sécurité pour Microsoft Office 2016 (KB5002519) Édition 32 bits")).toBe(true);
    expect(isComponent("Intel(R) Graphics Driver")).toBe(true);
    expect(isComponent("Microsoft .NET Framework 4.8")).toBe(true);
    expect(isComponent("Google Drive")).toBe(false);
    expect(isComponent("Microsoft Teams")).toBe(false);
  });
});
