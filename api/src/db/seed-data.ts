/** Reference data: the 12 districts of Hengyang, their communities (街道/社区/镇) and police units. */
type District = { id: number; code: string; nameZh: string; nameEn: string; communities: [string, string][] };

export const DISTRICTS: District[] = [
  {
    id: 1, code: 'yanfeng', nameZh: '雁峰区', nameEn: 'Yanfeng District',
    communities: [
      ['天马山街道', 'Tianmashan Subdistrict'], ['先锋街道', 'Xianfeng Subdistrict'], ['白沙洲街道', 'Baishazhou Subdistrict'],
      ['雁峰街道', 'Yanfeng Subdistrict'], ['金龙坪街道', 'Jinlongping Subdistrict'], ['黄茶岭街道', 'Huangchaling Subdistrict'],
      ['岳屏镇', 'Yueping Town'],
    ],
  },
  {
    id: 2, code: 'zhuhui', nameZh: '珠晖区', nameEn: 'Zhuhui District',
    communities: [
      ['东风街道', 'Dongfeng Subdistrict'], ['广东路街道', 'Guangdonglu Subdistrict'], ['冶金街道', 'Yejin Subdistrict'],
      ['苗圃街道', 'Miaopu Subdistrict'], ['粤汉街道', 'Yuehan Subdistrict'], ['东阳渡街道', 'Dongyangdu Subdistrict'],
      ['酃湖乡', 'Linghu Township'], ['茶山坳镇', 'Chashanao Town'],
    ],
  },
  {
    id: 3, code: 'shigu', nameZh: '石鼓区', nameEn: 'Shigu District',
    communities: [
      ['人民路街道', 'Renminlu Subdistrict'], ['青山街道', 'Qingshan Subdistrict'], ['潇湘街道', 'Xiaoxiang Subdistrict'],
      ['五一街道', 'Wuyi Subdistrict'], ['合江街道', 'Hejiang Subdistrict'], ['角山街道', 'Jiaoshan Subdistrict'],
    ],
  },
  {
    id: 4, code: 'zhengxiang', nameZh: '蒸湘区', nameEn: 'Zhengxiang District',
    communities: [
      ['红湘街道', 'Hongxiang Subdistrict'], ['蒸湘街道', 'Zhengxiang Subdistrict'], ['联合街道', 'Lianhe Subdistrict'],
      ['呆鹰岭镇', 'Daiyingling Town'], ['雨母山镇', 'Yumushan Town'],
    ],
  },
  {
    id: 5, code: 'nanyue', nameZh: '南岳区', nameEn: 'Nanyue District',
    communities: [['南岳镇', 'Nanyue Town'], ['祝融街道', 'Zhurong Subdistrict'], ['寿岳乡', 'Shouyue Township']],
  },
  {
    id: 6, code: 'hengyang-county', nameZh: '衡阳县', nameEn: 'Hengyang County',
    communities: [['西渡镇', 'Xidu Town'], ['集兵镇', 'Jibing Town'], ['演陂镇', 'Yanpo Town'], ['金兰镇', 'Jinlan Town']],
  },
  {
    id: 7, code: 'hengnan', nameZh: '衡南县', nameEn: 'Hengnan County',
    communities: [['云集街道', 'Yunji Subdistrict'], ['车江镇', 'Chejiang Town'], ['茶市镇', 'Chashi Town'], ['泉溪镇', 'Quanxi Town']],
  },
  {
    id: 8, code: 'hengshan', nameZh: '衡山县', nameEn: 'Hengshan County',
    communities: [['开云镇', 'Kaiyun Town'], ['白果镇', 'Baiguo Town'], ['店门镇', 'Dianmen Town']],
  },
  {
    id: 9, code: 'hengdong', nameZh: '衡东县', nameEn: 'Hengdong County',
    communities: [['城关镇', 'Chengguan Town'], ['大浦镇', 'Dapu Town'], ['吴集镇', 'Wuji Town'], ['新塘镇', 'Xintang Town']],
  },
  {
    id: 10, code: 'qidong', nameZh: '祁东县', nameEn: 'Qidong County',
    communities: [['洪桥街道', 'Hongqiao Subdistrict'], ['永昌街道', 'Yongchang Subdistrict'], ['白地市镇', 'Baidishi Town'], ['归阳镇', 'Guiyang Town']],
  },
  {
    id: 11, code: 'leiyang', nameZh: '耒阳市', nameEn: 'Leiyang City',
    communities: [
      ['蔡子池街道', 'Caizichi Subdistrict'], ['水东江街道', 'Shuidongjiang Subdistrict'], ['灶市街街道', 'Zaoshijie Subdistrict'],
      ['五里牌街道', 'Wulipai Subdistrict'], ['三架街道', 'Sanjia Subdistrict'], ['余庆街道', 'Yuqing Subdistrict'],
      ['大市乡', 'Dashi Township'],
    ],
  },
  {
    id: 12, code: 'changning', nameZh: '常宁市', nameEn: 'Changning City',
    communities: [['宜阳街道', 'Yiyang Subdistrict'], ['泉峰街道', 'Quanfeng Subdistrict'], ['培元街道', 'Peiyuan Subdistrict'], ['松柏镇', 'Songbai Town']],
  },
];

/** Two police units (派出所) per district: the district bureau's command unit and one station. */
export function unitsFor(d: District): [string, string][] {
  const first = d.communities[0];
  return [
    [`${d.nameZh}公安局指挥中心`, `${d.nameEn} Public Security Command Centre`],
    [`${first[0].replace(/(街道|镇|乡)$/, '')}派出所`, `${first[1].replace(/ (Subdistrict|Town|Township)$/, '')} Police Station`],
  ];
}
