/**
 * The part of pdfmake 0.3's server API that src/main/documents/pdf.ts uses. pdfmake ships no
 * types, and @types/pdfmake describes 0.2 (`new PdfPrinter(fonts)`), which 0.3 replaced with a
 * configured singleton. Definitions stay `object` here; pdf.ts types them.
 */
declare module 'pdfmake' {
  interface PdfMakeFontFiles {
    normal: string
    bold: string
    italics: string
    bolditalics: string
  }

  interface PdfMakeOutputDocument {
    getBuffer(): Promise<Buffer>
  }

  interface PdfMake {
    setFonts(fonts: Record<string, PdfMakeFontFiles>): void
    /** Called before every download of a font, image or attachment given by URL; anything but true refuses it. */
    setUrlAccessPolicy(policy: ((url: string) => boolean) | undefined): void
    /** Called before reading a local file (fonts, images, attachments); anything but true refuses it. */
    setLocalAccessPolicy(policy: ((path: string) => boolean) | undefined): void
    createPdf(definition: object, options?: object): PdfMakeOutputDocument
  }

  const pdfmake: PdfMake
  export default pdfmake
}
