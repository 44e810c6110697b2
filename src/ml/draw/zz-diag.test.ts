import { it } from 'vitest';
import { loadMnistFromDisk } from '../data/node-assets';
import { preprocessDrawing } from './preprocess';
function corr(a: ArrayLike<number>, b: ArrayLike<number>) { let ma=0,mb=0; for(let i=0;i<784;i++){ma+=a[i]/784;mb+=b[i]/784;} let ab=0,aa=0,bb=0; for(let i=0;i<784;i++){ab+=(a[i]-ma)*(b[i]-mb);aa+=(a[i]-ma)**2;bb+=(b[i]-mb)**2;} return ab/Math.sqrt(aa*bb); }
it('diag', async () => {
  const { test } = await loadMnistFromDisk();
  const big = new Uint8Array(280*280); let s=0, mn=1, exact=0; const N=1000;
  for (let n=0;n<N;n++){
    const d = test.images.subarray(n*784,(n+1)*784);
    for (let y=0;y<280;y++) for (let x=0;x<280;x++) big[y*280+x]=d[Math.floor(y/10)*28+Math.floor(x/10)];
    const r = preprocessDrawing(big,280,280); const c = corr(r.pixels,d); s+=c; mn=Math.min(mn,c); if (c>0.99) exact++;
  }
  console.log('TGT', process.env.TGT, 'RND', process.env.RND, 'mean corr', (s/N).toFixed(4), 'min', mn.toFixed(3), '>0.99', exact);
});
