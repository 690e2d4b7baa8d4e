import { describe, expect, it } from "vitest";
import { detectLocale, translate } from "../../../../renderer/src/i18n/locale";
import { en, ptBR } from "../../../../renderer/src/i18n/messages";

describe("the string table", () => {
  it("has exactly the same keys in English and Brazilian Portuguese", () => {
    expect(Object.keys(ptBR).sort()).toEqual(Object.keys(en).sort());
  });

  it("uses the same {parameters} in both languages and leaves no string empty", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(params(ptBR[key]), key).toEqual(params(en[key]));
      expect(en[key].trim(), key).not.toBe("");
      expect(ptBR[key].trim(), key).not.toBe("");
    }
  });

  it("names the toolbar exactly as the issue asks", () => {
    expect([
      en["toolbar.runAll"],
      en["toolbar.runCell"],
      en["toolbar.cancel"],
      en["toolbar.addCell"],
    ]).toEqual(["Run all", "Run cell", "Cancel", "Add cell"]);
    expect([
      ptBR["toolbar.runAll"],
      ptBR["toolbar.runCell"],
      ptBR["toolbar.cancel"],
      ptBR["toolbar.addCell"],
    ]).toEqual(["Executar tudo", "Executar célula", "Cancelar", "Adicionar célula"]);
  });

  it("follows the browser language: any pt is Brazilian Portuguese, otherwise English", () => {
    expect(detectLocale(["pt-BR"])).toBe("pt-BR");
    expect(detectLocale(["pt-PT", "en"])).toBe("pt-BR");
    expect(detectLocale(["de-DE", "pt"])).toBe("pt-BR");
    expect(detectLocale(["en-GB", "pt-BR"])).toBe("en");
    expect(detectLocale(["fr"])).toBe("en");
    expect(translate("pt-BR", "cell.run", { id: "q1" })).toBe("Executar q1");
  });
});
