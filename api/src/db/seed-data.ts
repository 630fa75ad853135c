/** Reference data: the 12 districts of Hengyang and their police units (townships and communities: geo/hengyang.json). */
type District = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  /** The township (街道/镇/乡) whose police station (派出所) is seeded with the command centre. */
  station: [string, string];
};

export const DISTRICTS: District[] = [
  {
    id: 1, code: 'yanfeng', nameZh: '雁峰区', nameEn: 'Yanfeng District',
    station: ['天马山街道', 'Tianmashan Subdistrict'],
  },
  {
    id: 2, code: 'zhuhui', nameZh: '珠晖区', nameEn: 'Zhuhui District',
    station: ['东风街道', 'Dongfeng Subdistrict'],
  },
  {
    id: 3, code: 'shigu', nameZh: '石鼓区', nameEn: 'Shigu District',
    station: ['人民路街道', 'Renminlu Subdistrict'],
  },
  {
    id: 4, code: 'zhengxiang', nameZh: '蒸湘区', nameEn: 'Zhengxiang District',
    station: ['红湘街道', 'Hongxiang Subdistrict'],
  },
  {
    id: 5, code: 'nanyue', nameZh: '南岳区', nameEn: 'Nanyue District',
    station: ['南岳镇', 'Nanyue Town'],
  },
  {
    id: 6, code: 'hengyang-county', nameZh: '衡阳县', nameEn: 'Hengyang County',
    station: ['西渡镇', 'Xidu Town'],
  },
  {
    id: 7, code: 'hengnan', nameZh: '衡南县', nameEn: 'Hengnan County',
    station: ['云集街道', 'Yunji Subdistrict'],
  },
  {
    id: 8, code: 'hengshan', nameZh: '衡山县', nameEn: 'Hengshan County',
    station: ['开云镇', 'Kaiyun Town'],
  },
  {
    id: 9, code: 'hengdong', nameZh: '衡东县', nameEn: 'Hengdong County',
    station: ['城关镇', 'Chengguan Town'],
  },
  {
    id: 10, code: 'qidong', nameZh: '祁东县', nameEn: 'Qidong County',
    station: ['洪桥街道', 'Hongqiao Subdistrict'],
  },
  {
    id: 11, code: 'leiyang', nameZh: '耒阳市', nameEn: 'Leiyang City',
    station: ['蔡子池街道', 'Caizichi Subdistrict'],
  },
  {
    id: 12, code: 'changning', nameZh: '常宁市', nameEn: 'Changning City',
    station: ['宜阳街道', 'Yiyang Subdistrict'],
  },
];

/** Two police units (派出所) per district: the district bureau's command unit and one station. */
export function unitsFor(d: District): [string, string][] {
  const first = d.station;
  return [
    [`${d.nameZh}公安局指挥中心`, `${d.nameEn} Public Security Command Centre`],
    [`${first[0].replace(/(街道|镇|乡)$/, '')}派出所`, `${first[1].replace(/ (Subdistrict|Town|Township)$/, '')} Police Station`],
  ];
}
