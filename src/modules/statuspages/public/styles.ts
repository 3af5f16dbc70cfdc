import { readableOnWhite, textOn } from './html.ts';

const BASE = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;background:#fff}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;z-index:1;background:#fff;color:#1f2328;padding:.5rem 1rem}
.wrap{max-width:56rem;margin:0 auto;padding:0 1rem}
header.site{background:var(--brand);color:var(--brand-text)}
header.site .wrap{display:flex;align-items:center;gap:1rem;min-height:4.5rem;padding-top:.75rem;padding-bottom:.75rem}
header.site img{max-height:2.75rem;max-width:10rem;display:block}
h1{font-size:1.5rem;line-height:1.25;margin:0}
h2{font-size:1.25rem;margin:0 0 .75rem}
h3,h4{font-size:1.0625rem;margin:0}
h3.group{margin:1.25rem 0 .5rem}
section{margin:2rem 0}
.intro{margin:1.5rem 0 0;color:#424a53}
.banner{margin:1.5rem 0;padding:1rem 1.25rem;border-radius:.5rem;color:#fff;background:#1a7f37}
.banner h2{margin:0;font-size:1.25rem}
.k-maintenance{background:#0969da}.k-degraded{background:#9a6700}.k-partial{background:#bc4c00}.k-major{background:#cf222e}.k-critical{background:#82071e}
.card{border:1px solid #d0d7de;border-radius:.5rem}
ul.components{list-style:none;margin:0;padding:0}
.component{padding:.875rem 1rem;border-top:1px solid #d0d7de}.component:first-child{border-top:0}
.row{display:flex;justify-content:space-between;align-items:baseline;gap:.25rem 1rem;flex-wrap:wrap}
.name{font-weight:600;overflow-wrap:anywhere}
.st{font-weight:600;font-size:.9375rem}.st::before{content:"";display:inline-block;width:.625rem;height:.625rem;border-radius:50%;margin-right:.375rem;background:currentColor}
.st-up{color:#1a7f37}.st-degraded{color:#9a6700}.st-down{color:#cf222e}.st-maintenance{color:#0969da}.st-nodata{color:#59636e}
.desc,.muted,.meta,.affects,.legend{color:#59636e;font-size:.875rem}
.desc{margin:.125rem 0 0}
.bars{display:flex;gap:2px;height:2.125rem;margin-top:.625rem}
.bars span{flex:1;min-width:0;border-radius:2px}
.ok{background:#2da44e}.minor{background:#d4a72c}.partial{background:#e16f24}.major{background:#cf222e}.none{background:#d0d7de}
.legend{display:flex;justify-content:space-between;gap:.5rem;margin-top:.25rem}
.d30{display:none}
@media (max-width:40rem){.bars span:nth-child(-n+60){display:none}.d90{display:none}.d30{display:inline}}
.incident,.maintenance{border:1px solid #d0d7de;border-left:.375rem solid #59636e;border-radius:.5rem;padding:.875rem 1rem;margin:0 0 1rem}
.imp-minor{border-left-color:#9a6700}.imp-major{border-left-color:#bc4c00}.imp-critical{border-left-color:#cf222e}.maintenance{border-left-color:#0969da}
.meta,.affects{margin:.25rem 0 0}
.updates{list-style:none;margin:.75rem 0 0;padding:0}
.updates li{border-top:1px solid #eaeef2;padding:.5rem 0 0;margin-top:.5rem}
.upd{margin:0;font-size:.9375rem}
.msg{margin:.25rem 0 0;white-space:pre-line;overflow-wrap:anywhere}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;background:#0969da;color:#fff;font-size:.8125rem;font-weight:600}
.badge-soon{background:#fff;color:#0550ae;border:1px solid #0969da}
ol.days{list-style:none;margin:0;padding:0}
ol.days>li{padding:.75rem 0;border-top:1px solid #d0d7de}
ol.days>li>h3{margin:0 0 .5rem}
ol.days .muted{margin:0}
ol.days>li.quiet{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 1rem;padding:.5rem 0}
ol.days>li.quiet>h3{margin:0;min-width:8rem;font-size:1rem}
ol.days .incident{margin:.5rem 0 0}
footer{margin:3rem auto 2rem;font-size:.875rem;color:#59636e}
footer p{margin:0;padding-top:1rem;border-top:1px solid #d0d7de}
footer a{margin-right:1rem}
form.unlock{max-width:22rem;margin:2rem 0}
form.unlock label{display:block;font-weight:600;margin-bottom:.375rem}
form.unlock input{width:100%;font:inherit;padding:.5rem .625rem;border:1px solid #6e7781;border-radius:.375rem}
form.unlock button{margin-top:1rem;font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:.375rem;background:var(--accent);color:#fff;cursor:pointer}
.error{color:#cf222e;font-weight:600}`;

/** The stylesheet, inlined so the page needs no further request and no JavaScript. */
export function pageStyles(brandColor: string, accentColor: string): string {
  return `:root{--brand:${brandColor};--brand-text:${textOn(brandColor)};--accent:${readableOnWhite(accentColor)}}\n${BASE}`;
}
